-- Flink SQL batch job translated by Ferry from ${source}.
<#if fileCommands>
-- Run it with ferry-runtime: it binds the parameters below and runs the INSERTs before each file command
-- (CALL ferry.fs / ferry.grunt) as one statement set, then the command, as Pig runs the STOREs before one.
<#else>
-- Run it with ferry-runtime: it binds the parameters below and runs every INSERT as one statement set.
</#if>
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
