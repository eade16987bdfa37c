{{/* Base name of every object; one operator per cluster, like the kustomize install. */}}
{{- define "k8s-cert-operator.fullname" -}}
{{ .Values.fullnameOverride | default "k8s-cert-operator" }}
{{- end }}

{{/* Labels that select the operator's pods (Deployment, Services, PDB, NetworkPolicy). */}}
{{- define "k8s-cert-operator.selectorLabels" -}}
app.kubernetes.io/name: k8s-cert-operator
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "k8s-cert-operator.labels" -}}
{{ include "k8s-cert-operator.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{/* API groups of the served mode: k8scert.io or cert-manager.io (apiMode is one of k8scert, cert-manager; the schema says so). */}}
{{- define "k8s-cert-operator.certGroup" -}}
{{ .Values.apiMode }}.io
{{- end }}
