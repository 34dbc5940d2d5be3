{{/* Chart name, 63 characters at most (a DNS label). */}}
{{- define "crm-sync.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Release-qualified name; the release name alone when it already contains the chart name. */}}
{{- define "crm-sync.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/* Name of one service's objects: <fullname>-<service>. Argument: dict root, service. */}}
{{- define "crm-sync.serviceFullname" -}}
{{- printf "%s-%s" (include "crm-sync.fullname" .root) .service | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "crm-sync.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Selector labels: immutable in a Deployment, so never a version (a version in the selector breaks
`helm upgrade`). The component tells the five services apart.
*/}}
{{- define "crm-sync.selectorLabels" -}}
app.kubernetes.io/name: {{ include "crm-sync.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .service }}
{{- end }}

{{/* Labels of every object: the selector labels plus version and ownership. */}}
{{- define "crm-sync.labels" -}}
helm.sh/chart: {{ include "crm-sync.chart" .root }}
{{ include "crm-sync.selectorLabels" . }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/part-of: crm-sync
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
{{- end }}

{{/* Labels shared by every pod of the release (NetworkPolicy peers). */}}
{{- define "crm-sync.releaseSelectorLabels" -}}
app.kubernetes.io/name: {{ include "crm-sync.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/* The service's image: registry/repository/<service>:tag, each overridable per service. */}}
{{- define "crm-sync.image" -}}
{{- $image := .root.Values.image }}
{{- $own := .values.image | default dict }}
{{- $registry := $own.registry | default $image.registry }}
{{- $repository := $own.repository | default (printf "%s/%s" $image.repositoryPrefix .service) }}
{{- $tag := $own.tag | default $image.tag | default .root.Chart.AppVersion }}
{{- if $registry }}
{{- printf "%s/%s:%s" $registry $repository $tag }}
{{- else }}
{{- printf "%s:%s" $repository $tag }}
{{- end }}
{{- end }}

{{- define "crm-sync.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "crm-sync.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/*
What each service needs from its environment — facts of the code, not settings: which services
own a database schema and serve an OIDC-protected admin API.
*/}}
{{- define "crm-sync.facts" -}}
webhook-ingress: {database: false, oidc: false}
normalizer: {database: false, oidc: false}
dedup-service: {database: true, oidc: true}
crm-writer: {database: true, oidc: true}
reconciler: {database: true, oidc: true}
{{- end }}

{{/* The non-secret environment of one service (ConfigMap data). Argument: dict root, service, values. */}}
{{- define "crm-sync.configData" -}}
{{- $root := .root }}
{{- $fact := get (include "crm-sync.facts" $root | fromYaml) .service }}
{{- $values := .values }}
QUARKUS_HTTP_PORT: "8080"
KAFKA_BOOTSTRAP_SERVERS: {{ $root.Values.kafka.bootstrapServers | quote }}
CRMSYNC_TENANTS_FILE: {{ printf "%s/%s" $root.Values.tenants.mountPath $root.Values.tenants.key | quote }}
OTEL_EXPORTER_OTLP_ENDPOINT: {{ $root.Values.otel.endpoint | quote }}
CRMSYNC_OTEL_EXPORT_LOG_LEVEL: {{ $root.Values.otel.exportLogLevel | quote }}
{{- if $fact.database }}
QUARKUS_DATASOURCE_JDBC_URL: {{ $root.Values.database.jdbcUrl | quote }}
{{- end }}
{{- if $fact.oidc }}
QUARKUS_OIDC_AUTH_SERVER_URL: {{ required "oidc.authServerUrl is required (the admin APIs never run open)" $root.Values.oidc.authServerUrl | quote }}
{{- end }}
{{- range $name, $value := $values.env }}
{{ $name }}: {{ $value | toString | quote }}
{{- end }}
{{- end }}
