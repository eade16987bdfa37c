using System.Text.Json.Nodes;
using k8s;
using K8sCertOperator.IntegrationTests.Cluster;

namespace K8sCertOperator.IntegrationTests.StandInTests;

/// <summary>
/// The repository's CRDs (config/crd, applied through the client by <see cref="KubeTestEnvironment"/>) on the stand-in
/// or a real cluster, with helpers to write raw JSON custom resources and read them back.
/// </summary>
public abstract class CrdSchemaTestBase : IAsyncLifetime
{
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromMinutes(2));

    protected KubeTestEnvironment Env { get; private set; } = null!;

    protected IKubernetes Client => Env.Client;

    protected string Namespace => Env.Namespace;

    protected CancellationToken Token => _timeout.Token;

    public async Task InitializeAsync() => Env = await KubeTestEnvironment.StartAsync(Token);

    public async Task DisposeAsync()
    {
        await Env.DisposeAsync();
        _timeout.Dispose();
    }

    protected async Task<JsonObject> CreateAsync(string group, string plural, JsonObject body) =>
        Parse(await Client.CustomObjects.CreateNamespacedCustomObjectAsync(body, group, "v1", Namespace, plural, cancellationToken: Token));

    protected async Task<JsonObject> GetAsync(string group, string plural, string name) =>
        Parse(await Client.CustomObjects.GetNamespacedCustomObjectAsync(group, "v1", Namespace, plural, name, Token));

    protected async Task<JsonObject> ReplaceAsync(string group, string plural, JsonObject body) =>
        Parse(await Client.CustomObjects.ReplaceNamespacedCustomObjectAsync(body, group, "v1", Namespace, plural, (string)body["metadata"]!["name"]!, cancellationToken: Token));

    /// <summary>The openAPIV3Schema node at a dotted path (e.g. <c>spec.acme.server</c>) of a CRD file in config/crd.</summary>
    protected static JsonObject SchemaAt(string crdName, string path)
    {
        var crd = CrdManifests.Load(RepositoryRoot.CrdDirectory).Single(c => c.Metadata.Name == crdName);
        var node = JsonNode.Parse(KubernetesJson.Serialize(crd.Spec.Versions[0].Schema.OpenAPIV3Schema))!;
        foreach (var part in path.Split('.'))
        {
            node = part == "[]" ? node["items"]! : node["properties"]![part]!;
        }
        return node.AsObject();
    }

    protected static JsonObject Meta(string name) => new() { ["name"] = name };

    private static JsonObject Parse(object response) => JsonNode.Parse(KubernetesJson.Serialize(response))!.AsObject();
}
