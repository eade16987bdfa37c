using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace K8sCertOperator.Tests.Kube.Fakes;

/// <summary>A small custom resource for runtime tests.</summary>
[KubernetesEntity(Group = "test.k8scert.io", ApiVersion = "v1", Kind = "Widget", PluralName = "widgets")]
public sealed class TestWidget : IKubernetesObject<V1ObjectMeta>
{
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = "test.k8scert.io/v1";

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "Widget";

    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    [JsonPropertyName("spec")]
    public WidgetSpec Spec { get; set; } = new();

    [JsonPropertyName("status")]
    public WidgetStatus? Status { get; set; }

    public static TestWidget Create(string ns, string name, string? size = null) => new()
    {
        Metadata = new V1ObjectMeta { NamespaceProperty = ns, Name = name },
        Spec = new WidgetSpec { Size = size },
    };
}

public sealed class WidgetSpec
{
    [JsonPropertyName("size")]
    public string? Size { get; set; }
}

public sealed class WidgetStatus
{
    [JsonPropertyName("phase")]
    public string? Phase { get; set; }

    [JsonPropertyName("observedGeneration")]
    public long? ObservedGeneration { get; set; }

    [JsonPropertyName("notes")]
    public List<string>? Notes { get; set; }
}
