namespace K8sCertOperator.Solvers.Dns01.Webhook;

/// <summary>
/// Sends a webhook request whose URI is relative to the Kubernetes API server
/// (<c>/apis/{group}/v1alpha1/{solver}</c>); the operator supplies one that goes through its authenticated API client.
/// </summary>
public delegate Task<HttpResponseMessage> WebhookSender(HttpRequestMessage request, CancellationToken ct);
