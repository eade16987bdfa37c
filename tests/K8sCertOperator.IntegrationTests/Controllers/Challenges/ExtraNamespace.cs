using k8s;
using k8s.Models;

namespace K8sCertOperator.IntegrationTests.Controllers.Challenges;

/// <summary>A second namespace for a test (e.g. the operator's own, apart from the Certificates'); deleted on dispose.</summary>
internal sealed class ExtraNamespace : IAsyncDisposable
{
    private readonly IKubernetes _client;

    private ExtraNamespace(IKubernetes client, string name)
    {
        _client = client;
        Name = name;
    }

    public string Name { get; }

    /// <summary>A fresh name, for options that must be fixed before the namespace can be created.</summary>
    public static string NewName(string purpose) => $"k8scert-{purpose}-" + Guid.NewGuid().ToString("N")[..8];

    public static async Task<ExtraNamespace> CreateAsync(IKubernetes client, string name, CancellationToken ct)
    {
        await client.CoreV1.CreateNamespaceAsync(
            new V1Namespace { Metadata = new V1ObjectMeta { Name = name, Labels = new Dictionary<string, string> { ["k8scert.io/test"] = "true" } } },
            cancellationToken: ct);
        return new ExtraNamespace(client, name);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await _client.CoreV1.DeleteNamespaceAsync(Name, propagationPolicy: "Background", cancellationToken: timeout.Token);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or k8s.Autorest.HttpOperationException)
        {
            // Best effort: the stand-in is discarded with the test anyway; a real cluster keeps the label to find it.
        }
    }
}
