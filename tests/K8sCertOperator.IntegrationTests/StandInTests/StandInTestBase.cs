using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using k8s.Models;
using K8sCertOperator.IntegrationTests.StandIn;

namespace K8sCertOperator.IntegrationTests.StandInTests;

/// <summary>
/// A fresh stand-in server per test, a real KubernetesClient against it, the Certificate CRD applied
/// through the client, and a namespace to work in.
/// </summary>
public abstract class StandInTestBase : IAsyncLifetime
{
    protected static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromMinutes(2));

    protected StandInApiServer Server { get; private set; } = null!;

    protected IKubernetes Client { get; private set; } = null!;

    protected string Namespace { get; } = "t-" + Guid.NewGuid().ToString("N")[..8];

    protected CancellationToken Token => _timeout.Token;

    protected virtual StandInOptions Options => new();

    public virtual async Task InitializeAsync()
    {
        Server = await StandInApiServer.StartAsync(Options, Token);
        Client = Server.CreateClient();
        await Client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(TestCrds.Certificate(), cancellationToken: Token);
        await Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = Namespace } }, cancellationToken: Token);
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
        _timeout.Dispose();
    }

    protected Task<TestCustomObject> CreateCertificateAsync(string name, string? ns = null) =>
        Client.CustomObjects.CreateNamespacedCustomObjectAsync<TestCustomObject>(
            TestCustomObject.Certificate(name, ns ?? Namespace), TestCrds.Group, TestCrds.Version, ns ?? Namespace, TestCrds.Plural, cancellationToken: Token);

    protected Task<TestCustomObject> GetCertificateAsync(string name) =>
        Client.CustomObjects.GetNamespacedCustomObjectAsync<TestCustomObject>(TestCrds.Group, TestCrds.Version, Namespace, TestCrds.Plural, name, Token);

    protected Task<TestCustomObject> ReplaceCertificateAsync(TestCustomObject body) =>
        Client.CustomObjects.ReplaceNamespacedCustomObjectAsync<TestCustomObject>(
            body, TestCrds.Group, TestCrds.Version, Namespace, TestCrds.Plural, body.Metadata.Name, cancellationToken: Token);

    protected Task<TestCustomObject> ReplaceCertificateStatusAsync(TestCustomObject body) =>
        Client.CustomObjects.ReplaceNamespacedCustomObjectStatusAsync<TestCustomObject>(
            body, TestCrds.Group, TestCrds.Version, Namespace, TestCrds.Plural, body.Metadata.Name, cancellationToken: Token);

    protected Task<TestCustomObject> PatchCertificateAsync(string name, object patch, V1Patch.PatchType patchType = V1Patch.PatchType.MergePatch) =>
        Client.CustomObjects.PatchNamespacedCustomObjectAsync<TestCustomObject>(
            new V1Patch(patch, patchType), TestCrds.Group, TestCrds.Version, Namespace, TestCrds.Plural, name, cancellationToken: Token);

    protected Task<V1Secret> CreateSecretAsync(string name, IDictionary<string, string>? labels = null, IList<V1OwnerReference>? owners = null) =>
        Client.CoreV1.CreateNamespacedSecretAsync(
            new V1Secret
            {
                Metadata = new V1ObjectMeta { Name = name, Labels = labels, OwnerReferences = owners },
                StringData = new Dictionary<string, string> { ["k"] = "v" },
            },
            Namespace,
            cancellationToken: Token);

    /// <summary>Runs the call and returns the HTTP status code of the Kubernetes error it must fail with.</summary>
    protected static async Task<int> StatusCodeOfAsync(Func<Task> call)
    {
        var failure = await Assert.ThrowsAsync<HttpOperationException>(call);
        return (int)failure.Response.StatusCode;
    }

    /// <summary>The reason field of the Status body a failed call returned.</summary>
    protected static async Task<(int Code, string? Reason)> StatusOfAsync(Func<Task> call)
    {
        var failure = await Assert.ThrowsAsync<HttpOperationException>(call);
        var body = JsonNode.Parse(failure.Response.Content);
        Assert.Equal("Status", (string?)body?["kind"]);
        return ((int)failure.Response.StatusCode, (string?)body?["reason"]);
    }
}
