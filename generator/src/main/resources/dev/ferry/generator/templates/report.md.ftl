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
