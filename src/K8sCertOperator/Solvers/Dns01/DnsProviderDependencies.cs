using K8sCertOperator.Solvers.Dns01.Webhook;

namespace K8sCertOperator.Solvers.Dns01;

/// <summary>Process-wide services the built-in providers need (shared, not owned by the providers).</summary>
/// <param name="HttpClient">Used for the Cloudflare and Route53 REST APIs; not disposed by providers.</param>
/// <param name="WebhookSender">Sends webhook ChallengePayloads (in the operator: through the Kubernetes API server).</param>
/// <param name="Clock">Time source for request signing; defaults to the system clock.</param>
public sealed record DnsProviderDependencies(HttpClient HttpClient, WebhookSender WebhookSender, TimeProvider? Clock = null);
