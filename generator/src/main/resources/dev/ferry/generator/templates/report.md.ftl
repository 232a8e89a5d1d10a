# Ferry conversion report: ${repo}

<#if errors?has_content>
## Errors (nothing was written)

<#list errors as e>
- ${e}
</#list>

</#if>
## DAGs

<#list dags as dag>
### ${dag.id} — ${dag.file}

- From: ${dag.sources}
- Schedule: ${dag.schedule}

| Task | Kind | Generated | Oozie source |
|---|---|---|---|
<#list dag.tasks as t>
| ${t.id} | ${t.kind} | ${t.output} | ${t.source} |
</#list>

</#list>
<#if scripts?has_content>
## Pig scripts no workflow runs

Translated on their own: each job reads its parameters when it runs.

| Script | Status | Generated | Parameters |
|---|---|---|---|
<#list scripts as s>
| ${s.source} | ${s.status} | ${s.output} | ${s.parameters} |
</#list>

</#if>
## TODO

<#if todos?has_content>
Each item is something the legacy repository does that the generated files do not do yet.

<#list todos as t>
- [ ] ${t}
</#list>
<#else>
Nothing: every construct was translated.
</#if>
<#if notes?has_content>

## Notes

<#list notes as n>
- ${n}
</#list>
</#if>
