package org.broadside; public final class Broadside { public static void main(String[] a){} }
