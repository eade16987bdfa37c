using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using K8sCertOperator.IntegrationTests.Cluster;
using Xunit.Abstractions;

namespace K8sCertOperator.IntegrationTests.StandInTests;

/// <summary>The tier switch every integration test starts from, and CRD manifests applied through the client.</summary>
public sealed class KubeTestEnvironmentTests(ITestOutputHelper output)
{
    private const string IssuerCrdYaml = """
        # a comment before the first document
        ---
        apiVersion: kustomize.config.k8s.io/v1beta1
        kind: Kustomization
        resources: [issuers.yaml]
        ---
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: clusterissuers.k8scert.io
        spec:
          group: k8scert.io
          scope: Cluster
          names:
            plural: clusterissuers
            singular: clusterissuer
            kind: ClusterIssuer
            listKind: ClusterIssuerList
          versions:
          - name: v1
            served: true
            storage: true
            subresources:
              status: {}
            schema:
              openAPIV3Schema:
                type: object
                x-kubernetes-preserve-unknown-fields: true
        """;

    [Fact]
    public async Task Environment_provides_a_fresh_namespace_and_a_working_client()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await using var env = await KubeTestEnvironment.StartAsync(output, timeout.Token);

        Assert.StartsWith("k8scert-test-", env.Namespace, StringComparison.Ordinal);
        Assert.Equal(env.Server is null, env.IsRealCluster);
        var ns = await env.Client.CoreV1.ReadNamespaceAsync(env.Namespace, cancellationToken: timeout.Token);
        Assert.Equal("Active", ns.Status.Phase);

        var secret = await env.Client.CoreV1.CreateNamespacedSecretAsync(
            new V1Secret { Metadata = new V1ObjectMeta { Name = "roundtrip" }, Data = new Dictionary<string, byte[]> { ["k"] = [42] } },
            env.Namespace, cancellationToken: timeout.Token);
        var read = await env.Client.CoreV1.ReadNamespacedSecretAsync("roundtrip", env.Namespace, cancellationToken: timeout.Token);
        Assert.Equal(secret.Metadata.Uid, read.Metadata.Uid);
        Assert.Equal(new byte[] { 42 }, read.Data["k"]);

        // Every CRD in config/crd/ is served (the folder may still be empty).
        foreach (var crd in CrdManifests.Load(RepositoryRoot.CrdDirectory))
        {
            var version = crd.Spec.Versions.First(v => v.Served).Name;
            if (crd.Spec.Scope == "Namespaced")
            {
                await env.Client.CustomObjects.ListNamespacedCustomObjectAsync(crd.Spec.Group, version, env.Namespace, crd.Spec.Names.Plural, cancellationToken: timeout.Token);
            }
            else
            {
                await env.Client.CustomObjects.ListClusterCustomObjectAsync(crd.Spec.Group, version, crd.Spec.Names.Plural, cancellationToken: timeout.Token);
            }
        }

        // A child process would load this file through KUBECONFIG.
        using var fromFile = new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(env.KubeconfigPath));
        var seen = await fromFile.CoreV1.ReadNamespacedSecretAsync("roundtrip", env.Namespace, cancellationToken: timeout.Token);
        Assert.Equal(secret.Metadata.Uid, seen.Metadata.Uid);
    }

    [Fact]
    public async Task Crd_yaml_is_loaded_skipping_other_kinds_and_applied_idempotently()
    {
        var dir = Directory.CreateTempSubdirectory("k8scert-crd-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(dir.FullName, "clusterissuers.yaml"), IssuerCrdYaml);
            var crds = CrdManifests.Load(dir.FullName);
            var crd = Assert.Single(crds);
            Assert.Equal("clusterissuers.k8scert.io", crd.Metadata.Name);

            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await using var server = await StandIn.StandInApiServer.StartAsync(timeout.Token);
            using var client = server.CreateClient();
            await CrdManifests.ApplyAsync(client, CrdManifests.Load(dir.FullName), waitEstablished: true, timeout.Token);
            await CrdManifests.ApplyAsync(client, CrdManifests.Load(dir.FullName), waitEstablished: true, timeout.Token);

            var issuer = new TestCustomObject { Kind = "ClusterIssuer", Metadata = new V1ObjectMeta { Name = "letsencrypt" }, Spec = new JsonObject { ["acme"] = new JsonObject() } };
            await client.CustomObjects.CreateClusterCustomObjectAsync(issuer, "k8scert.io", "v1", "clusterissuers", cancellationToken: timeout.Token);
            var stored = server.GetStoredObject("k8scert.io", "clusterissuers", null, "letsencrypt");
            Assert.NotNull(stored);
            Assert.Null(stored["metadata"]?["namespace"]);
            Assert.Contains(server.Resources.All, t => t is { Plural: "clusterissuers", Namespaced: false, HasStatusSubresource: true });
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
