# FlinkDeployment for ${taskId} of ${dagId}, translated by Ferry from ${source}.
# ferry_runtime submits a copy per run (unique name, --param arguments) and deletes it when the job ends.
apiVersion: flink.apache.org/v1beta1
kind: FlinkDeployment
metadata:
  name: ${name}
  labels:
    app.kubernetes.io/managed-by: ferry
    ferry/dag: ${dagLabel}
    ferry/task: ${taskLabel}
spec:
  image: ${image}
  flinkVersion: ${flinkVersion}
  serviceAccount: ${serviceAccount}
  flinkConfiguration:
    execution.runtime-mode: BATCH
    taskmanager.numberOfTaskSlots: "${taskSlots}"
  jobManager:
    resource:
      memory: ${jobManagerMemory}
      cpu: ${jobManagerCpu}
  taskManager:
    resource:
      memory: ${taskManagerMemory}
      cpu: ${taskManagerCpu}
  podTemplate:
    spec:
      containers:
        - name: flink-main-container
  job:
    jarURI: ${jarUri}
    entryClass: dev.ferry.runtime.SqlJobRunner
    args:
      - --script
      - ${script}
    parallelism: ${parallelism}
    upgradeMode: stateless
    state: running
