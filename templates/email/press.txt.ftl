<#--
  Press-release email for press lists, text/plain part. Plain text: nothing is escaped.
  Rendered by org.broadside.render.EmailComposer, also for `broadside preview`.

  Always set:  title, dateline, bodyText, language, direction ("ltr" or "rtl"), recipientEmail,
               unsubscribeUrl, format ("press"), kind ("statement" or "press-release"), pressRelease
  Optional (test with ??): embargoUntil (formatted in the recipient's zone, e.g.
               "18 December 2026, 09:00 HKT (UTC+08:00)"; absent means FOR IMMEDIATE RELEASE),
               subtitle, link, greetingName (unused: press releases carry no greeting),
               contact with optional name, role, phone, phoneUri, email
  bodyHtml is HTML markup and cannot be printed here. The end mark is ###.
-->
<#if embargoUntil??>EMBARGOED UNTIL ${embargoUntil}<#else>FOR IMMEDIATE RELEASE</#if>

${title}
<#if subtitle??>
${subtitle}
</#if>

${dateline}

${bodyText}
<#if contact??>

For reference: ${[contact.name!, contact.role!, contact.phone!, contact.email!]?filter(part -> part?has_content)?join(", ")}
</#if>
<#if link??>

Read the full statement: ${link}
</#if>

###

---
You receive press releases from the alliance at ${recipientEmail}.
Unsubscribe: ${unsubscribeUrl}
