<#--
  Member email, text/plain part. Plain text: nothing is escaped.
  Rendered by org.broadside.render.EmailComposer, also for `broadside preview`.

  Always set:  title, dateline, bodyText, language, direction ("ltr" or "rtl"), recipientEmail,
               unsubscribeUrl, format ("member"), kind ("statement" or "press-release"),
               pressRelease (true for a press release: header line and end mark in every format)
  Optional (test with ??): greetingName, subtitle, link, embargoUntil (formatted, e.g.
               "18 December 2026, 09:00 HKT (UTC+08:00)"), contact with optional name, role, phone,
               phoneUri, email
  bodyHtml is HTML markup and cannot be printed here.
-->
<#if greetingName??>Dear ${greetingName},<#else>Dear friends,</#if>

<#if pressRelease>
<#if embargoUntil??>EMBARGOED UNTIL ${embargoUntil}<#else>FOR IMMEDIATE RELEASE</#if>

</#if>
${title}
<#if subtitle??>
${subtitle}
</#if>

${dateline}

${bodyText}
<#if contact??>

Reference: ${[contact.name!, contact.role!, contact.phone!, contact.email!]?filter(part -> part?has_content)?join(", ")}
</#if>
<#if link??>

Read the full statement: ${link}
</#if>
<#if pressRelease>

###
</#if>

---
This email was sent to ${recipientEmail} as a member organization of the alliance.
Unsubscribe: ${unsubscribeUrl}
