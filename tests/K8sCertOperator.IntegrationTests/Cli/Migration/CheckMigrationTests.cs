using System.Text.Json.Nodes;
using k8s;
using K8sCertOperator.Cli;
using K8sCertOperator.Cli.Migration;
using K8sCertOperator.Cli.Ops;
using K8sCertOperator.IntegrationTests.Cluster;
using Xunit.Abstractions;

namespace K8sCertOperator.IntegrationTests.Cli.Migration;

/// <summary>
/// `check migration` against an API server with cert-manager's own CRDs: objects written as cert-manager users have
/// them, read through a kubeconfig as the CLI does, and the unsupported ones listed.
/// </summary>
public sealed class CheckMigrationTests(ITestOutputHelper output)
{
    private const string CertManager = "cert-manager.io";
    private const string AcmeGroup = "acme.cert-manager.io";

    [SkippableFact]
    public async Task ListsTheVaultIssuerItsCertificateTheUnsupportedSolverAndValueButNotTheSupportedObjects()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var ct = cts.Token;
        await using var env = await CertManagerCrds.EnvironmentAsync(output, ct);
        var ns = env.Namespace;
        var clusterIssuer = "migration-" + ns;

        await CreateAsync(env, CertManager, "issuers", ns, """{"apiVersion":"cert-manager.io/v1","kind":"Issuer","metadata":{"name":"vault"},"spec":{"vault":{"server":"https://vault.example:8200","path":"pki/sign/web","auth":{"tokenSecretRef":{"name":"vault-token","key":"token"}}}}}""", ct);
        await CreateAsync(env, CertManager, "issuers", ns, """{"apiVersion":"cert-manager.io/v1","kind":"Issuer","metadata":{"name":"ca"},"spec":{"ca":{"secretName":"ca-key-pair"}}}""", ct);
        await CreateAsync(env, CertManager, "issuers", ns, """{"apiVersion":"cert-manager.io/v1","kind":"Issuer","metadata":{"name":"azure"},"spec":{"acme":{"server":"https://acme.example/dir","privateKeySecretRef":{"name":"acme-key"},"solvers":[{"dns01":{"azureDNS":{"subscriptionID":"sub","resourceGroupName":"rg"}}}]}}}""", ct);
        await CreateAsync(env, CertManager, "certificates", ns, """{"apiVersion":"cert-manager.io/v1","kind":"Certificate","metadata":{"name":"from-vault"},"spec":{"secretName":"from-vault-tls","dnsNames":["vault.example"],"issuerRef":{"name":"vault","kind":"Issuer","group":"cert-manager.io"}}}""", ct);
        await CreateAsync(env, CertManager, "certificates", ns, """{"apiVersion":"cert-manager.io/v1","kind":"Certificate","metadata":{"name":"from-ca"},"spec":{"secretName":"from-ca-tls","dnsNames":["ca.example"],"renewBeforePercentage":30,"issuerRef":{"name":"ca","kind":"Issuer"}}}""", ct);
        await CreateAsync(env, CertManager, "certificates", ns, """{"apiVersion":"cert-manager.io/v1","kind":"Certificate","metadata":{"name":"too-late"},"spec":{"secretName":"too-late-tls","dnsNames":["late.example"],"renewBeforePercentage":100,"issuerRef":{"name":"ca","kind":"Issuer"}}}""", ct);
        await CreateAsync(env, CertManager, "issuers", ns, """{"apiVersion":"cert-manager.io/v1","kind":"Issuer","metadata":{"name":"http"},"spec":{"acme":{"server":"https://acme.example/dir","privateKeySecretRef":{"name":"acme-key"},"solvers":[{"http01":{"ingress":{"ingressClassName":"nginx","podTemplate":{"spec":{"nodeSelector":{"pool":"edge"}}}}}}]}}}""", ct);
        await CreateAsync(env, AcmeGroup, "orders", ns, """{"apiVersion":"acme.cert-manager.io/v1","kind":"Order","metadata":{"name":"pending"},"spec":{"request":"LS0tLS1CRUdJTiBDRVJUSUZJQ0FURSBSRVFVRVNULS0tLS0K","issuerRef":{"name":"azure","kind":"Issuer","group":"cert-manager.io"},"dnsNames":["azure.example"]}}""", ct);
        await env.Client.CustomObjects.CreateClusterCustomObjectAsync(JsonNode.Parse("""{"apiVersion":"cert-manager.io/v1","kind":"ClusterIssuer","metadata":{"name":"NAME"},"spec":{"selfSigned":{}}}""".Replace("NAME", clusterIssuer, StringComparison.Ordinal)), CertManager, "v1", "clusterissuers", cancellationToken: ct);
        try
        {
            // The user's way in: their kubeconfig, as `check migration --kubeconfig FILE -n NS -o json` reads it.
            using var client = new Kubernetes(KubeClientFactory.Configuration(env.KubeconfigPath, null));
            using var stdout = new StringWriter();
            using var stderr = new StringWriter();

            var exit = await CheckMigrationCommand.RunAsync(client, ns, OutputFormats.Json, stdout, stderr, ct);

            output.WriteLine(stdout.ToString());
            Assert.Equal(ExitCodes.MigrationBlocked, exit);
            var report = JsonNode.Parse(stdout.ToString())!;
            Assert.Empty(report["notServed"]!.AsArray());
            var findings = report["findings"]!.AsArray().Select(f => (Kind: f!["kind"]!.GetValue<string>(), Name: f["name"]!.GetValue<string>(), Field: f["field"]!.GetValue<string>(), Severity: f["severity"]!.GetValue<string>()))
                .Where(f => f.Kind != "ClusterIssuer" || f.Name == clusterIssuer).ToList();
            Assert.Contains(("Issuer", "vault", "spec.vault", "Unsupported"), findings);
            Assert.Contains(("Certificate", "from-vault", "spec.issuerRef", "Unsupported"), findings);
            Assert.Contains(("Issuer", "azure", "spec.acme.solvers[0].dns01.azureDNS", "Unsupported"), findings);
            Assert.Contains(("Order", "pending", "status.state", "InFlight"), findings);
            // A value beyond our schema blocks; an HTTP-01 solver's podTemplate is only a note (ignored here).
            Assert.Contains(("Certificate", "too-late", "spec.renewBeforePercentage", "Unsupported"), findings);
            Assert.Contains(("Issuer", "http", "spec.acme.solvers[0].http01.ingress.podTemplate", "Ignored"), findings);
            Assert.DoesNotContain(findings, f => f.Name is "ca" or "from-ca" || f.Kind == "ClusterIssuer");
            Assert.Equal(6, findings.Count);

            // And through the command line itself: flags, kubeconfig and exit code.
            Assert.Equal(ExitCodes.MigrationBlocked, await CommandLine.RunAsync(["check", "migration", "--kubeconfig", env.KubeconfigPath, "-n", ns, "-o", "yaml"], ct));

            using var table = new StringWriter();
            Assert.Equal(ExitCodes.MigrationBlocked, await CheckMigrationCommand.RunAsync(client, ns, OutputFormats.Table, table, stderr, ct));
            Assert.Contains("issuer type vault is not supported", table.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            await env.Client.CustomObjects.DeleteClusterCustomObjectAsync(CertManager, "v1", "clusterissuers", clusterIssuer, cancellationToken: CancellationToken.None);
        }
    }

    [SkippableFact]
    public async Task NothingBlocksWhenEveryObjectIsSupported()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var ct = cts.Token;
        await using var env = await CertManagerCrds.EnvironmentAsync(output, ct);
        await CreateAsync(env, CertManager, "issuers", env.Namespace, """{"apiVersion":"cert-manager.io/v1","kind":"Issuer","metadata":{"name":"ca"},"spec":{"ca":{"secretName":"ca-key-pair"}}}""", ct);
        await CreateAsync(env, CertManager, "certificates", env.Namespace, """{"apiVersion":"cert-manager.io/v1","kind":"Certificate","metadata":{"name":"web"},"spec":{"secretName":"web-tls","dnsNames":["web.example"],"issuerRef":{"name":"ca"}}}""", ct);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = await CheckMigrationCommand.RunAsync(env.Client, env.Namespace, OutputFormats.Table, stdout, stderr, ct);

        // Only in a cluster of its own: a real cluster's ClusterIssuers are cluster-wide and may use anything.
        if (!env.IsRealCluster)
        {
            Assert.Equal(ExitCodes.Ok, exit);
            Assert.Equal("2 cert-manager objects checked: nothing blocks the switch (0 notes)\n", stdout.ToString());
        }
        Assert.DoesNotContain(env.Namespace + "/", stdout.ToString(), StringComparison.Ordinal);
    }

    private static Task<object> CreateAsync(KubeTestEnvironment env, string group, string plural, string ns, string json, CancellationToken ct) =>
        env.Client.CustomObjects.CreateNamespacedCustomObjectAsync(JsonNode.Parse(json)!, group, "v1", ns, plural, cancellationToken: ct);
}
