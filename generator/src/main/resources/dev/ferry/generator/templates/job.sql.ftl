-- Flink SQL batch job translated by Ferry from ${source}.
-- Run it with ferry-runtime: it binds the parameters below and runs every INSERT as one statement set.
<#if parameters?has_content>
-- Parameters:
<#list parameters as p>
--   ${p.name}<#if p.hasDefault> (default: ${p.default})</#if><#if p.secret> (a secret: its value is never written here, pass it from a secret store)</#if>
</#list>
</#if>
<#list statements as s>

<#list s.sources as source>
-- ${source}
</#list>
${s.text};
</#list>
