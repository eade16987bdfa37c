using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace K8sCertOperator.IntegrationTests.StandInTests;

/// <summary>A schemaless custom resource for driving CRD kinds through the real client.</summary>
public sealed class TestCustomObject : IKubernetesObject<V1ObjectMeta>
{
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = "k8scert.io/v1";

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "Certificate";

    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    [JsonPropertyName("spec")]
    public JsonObject? Spec { get; set; }

    [JsonPropertyName("status")]
    public JsonObject? Status { get; set; }

    public static TestCustomObject Certificate(string name, string ns, string secretName = "tls") => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns },
        Spec = new JsonObject { ["secretName"] = secretName, ["dnsNames"] = new JsonArray("a.example.com") },
    };
}
