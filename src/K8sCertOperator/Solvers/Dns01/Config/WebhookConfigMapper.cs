using System.Text.Json;
using System.Text.Json.Nodes;
using K8sCertOperator.Api.Acme;
using K8sCertOperator.Solvers.Dns01.Webhook;

namespace K8sCertOperator.Solvers.Dns01.Config;

/// <summary>webhook block → <see cref="WebhookSettings"/>; the webhook reads its own Secrets, so none are read here.</summary>
internal static class WebhookConfigMapper
{
    public static WebhookSettings Map(AcmeIssuerDnsWebhook config, Dns01ConfigContext context)
    {
        if (string.IsNullOrWhiteSpace(config.GroupName))
        {
            throw new Dns01ConfigException("webhook.groupName is required");
        }
        if (string.IsNullOrWhiteSpace(config.SolverName))
        {
            throw new Dns01ConfigException("webhook.solverName is required");
        }
        // The names become an API server path sent with the operator's credentials: refuse anything but DNS names
        // here, so the Challenge fails with this reason and no request is built (the provider checks again).
        if (WebhookRequestPath.Build(config.GroupName.Trim(), config.SolverName.Trim(), out var pathError) is null)
        {
            throw new Dns01ConfigException(pathError!);
        }
        var json = config.Config is { ValueKind: not (JsonValueKind.Undefined or JsonValueKind.Null) } element
            ? JsonNode.Parse(element.GetRawText())
            : null;
        return new WebhookSettings(config.GroupName.Trim(), config.SolverName.Trim(), context.ResourceNamespace, context.DnsName, json)
        {
            AllowAmbientCredentials = context.AllowAmbientCredentials,
        };
    }
}
