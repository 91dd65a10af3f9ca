/** Database access: the pool, Flyway migrations, and the JDBC idioms the repositories share. */
package org.broadside.store;
