<#-- One social post. Variables: text (the summary or opening paragraph, already cut to fit), link (may be
     empty), hashtags (list of tags without '#'),
     language. Broadside measures the result with the network's own rule and shortens text until it fits. -->
${text}<#if link?has_content>

${link}</#if><#if hashtags?has_content>

<#list hashtags as tag>#${tag}<#sep> </#sep></#list></#if>
