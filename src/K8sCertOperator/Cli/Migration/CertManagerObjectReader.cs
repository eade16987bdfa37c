using System.Text.Json.Nodes;
using k8s;
using K8sCertOperator.Api;
using K8sCertOperator.Kube.Client;

namespace K8sCertOperator.Cli.Migration;

/// <summary>Lists the cert-manager objects `check migration` looks at, as plain JSON (the operator has no model of cert-manager's types).</summary>
public static class CertManagerObjectReader
{
    /// <summary>cert-manager's kinds that matter for the switch: (group, plural, namespaced).</summary>
    public static IReadOnlyList<(string Group, string Plural, bool Namespaced)> Resources { get; } =
    [
        (ApiGroups.CertManager, ApiGroups.ClusterIssuerPlural, false),
        (ApiGroups.CertManager, ApiGroups.IssuerPlural, true),
        (ApiGroups.CertManager, ApiGroups.CertificatePlural, true),
        ("acme." + ApiGroups.CertManager, ApiGroups.OrderPlural, true),
        ("acme." + ApiGroups.CertManager, ApiGroups.ChallengePlural, true),
    ];

    /// <summary>
    /// Every object of <see cref="Resources"/> in <paramref name="ns"/> (every namespace when null; ClusterIssuers
    /// always), and the resources the cluster does not serve (cert-manager not installed, or only in part).
    /// </summary>
    public static async Task<(IReadOnlyList<JsonObject> Objects, IReadOnlyList<string> NotServed)> ListAsync(IKubernetes client, string? ns, CancellationToken cancellationToken)
    {
        var transport = new KubeTransport(client);
        var objects = new List<JsonObject>();
        var notServed = new List<string>();
        foreach (var (group, plural, namespaced) in Resources)
        {
            var basePath = namespaced && ns is not null ? $"apis/{group}/v1/namespaces/{ns}/{plural}" : $"apis/{group}/v1/{plural}";
            string? next = "";
            while (next is not null)
            {
                var path = basePath + "?limit=500" + (next.Length > 0 ? "&continue=" + Uri.EscapeDataString(next) : "");
                using var list = await transport.GetJsonAsync(path, cancellationToken).ConfigureAwait(false);
                if (list is null)
                {
                    notServed.Add($"{plural}.{group}");
                    break;
                }
                var node = JsonNode.Parse(list.RootElement.GetRawText())!.AsObject();
                var kind = ItemKind(node);
                foreach (var item in node["items"]?.AsArray() ?? [])
                {
                    if (item is JsonObject obj)
                    {
                        // Lists leave kind and apiVersion off their items.
                        obj["kind"] ??= kind;
                        obj["apiVersion"] ??= group + "/v1";
                        objects.Add(obj);
                    }
                }
                next = node["metadata"]?["continue"]?.GetValue<string>() is { Length: > 0 } token ? token : null;
            }
        }
        return (objects, notServed);
    }

    private static string ItemKind(JsonObject list)
    {
        var listKind = list["kind"]?.GetValue<string>() ?? "";
        return listKind.EndsWith("List", StringComparison.Ordinal) ? listKind[..^4] : listKind;
    }
}
