<#--
  Member email, text/plain part. Plain text: nothing is escaped.
  Rendered by org.broadside.render.EmailComposer, also for `broadside preview`.

  Always set:  title, dateline, bodyText, language, direction ("ltr" or "rtl"), recipientEmail,
               unsubscribeUrl, format ("member"), kind ("statement" or "press-release"),
               pressRelease (true for a press release: header line and end mark in every format)
  Optional (test with ??): greetingName, subtitle, link, embargoUntil (formatted, e.g.
               "18 December 2026, 09:00 HKT (UTC+08:00)"), contact with optional name, role, phone,
               phoneUri, email,
               share: the "share this" kit, the statement's social posts in the member's language
               (the same texts as social.json), a list with one entry per network:
                 network   "x", "mastodon", "bluesky", "threads", "linkedin" or "facebook"
                 name      "X", "Mastodon", "Bluesky", "Threads", "LinkedIn", "Facebook"
                 posts     list of post texts; more than one is a thread (numbered 1/3, 2/3, ...),
                           each post a reply to the one before
                 intentUrl optional: opens the network's composer with the first post filled in
                           (X, Bluesky, Threads)
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
<#if share??>

---
SHARE THIS STATEMENT
Ready to post, in your language. A numbered thread: post the first, then each next one as a reply.
<#list share as network>

== ${network.name} ==<#if network.intentUrl??>
Open ${network.name} with the first post filled in: ${network.intentUrl}</#if>
<#list network.posts as post>

${post}
</#list>
</#list>
</#if>

---
This email was sent to ${recipientEmail} as a member organization of the alliance.
Unsubscribe: ${unsubscribeUrl}
