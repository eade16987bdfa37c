using System.Text.Json.Nodes;
using K8sCertOperator.Api;
using K8sCertOperator.Cli;
using K8sCertOperator.Cli.Ops;
using K8sCertOperator.IntegrationTests.Cluster;
using K8sCertOperator.IntegrationTests.Controllers.ApiMode;
using K8sCertOperator.IntegrationTests.EndToEnd;
using K8sCertOperator.IntegrationTests.Infrastructure;
using K8sCertOperator.Pki;
using Xunit.Abstractions;

namespace K8sCertOperator.IntegrationTests.Cli.Ops;

/// <summary>
/// The ops commands with --api-mode cert-manager / auto on cert-manager's own CRDs, with the operator running in
/// cert-manager mode: the objects are cert-manager.io ones, written and read as cert-manager's users write them.
/// </summary>
public sealed class CertManagerOpsTests(ITestOutputHelper output)
{
    [SkippableFact]
    public async Task StatusInspectRenewAndCreateRequestWorkOnACaIssuedCertManagerCertificate()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var ct = cts.Token;
        await using var env = await CertManagerModeHost.EnvironmentAsync(output, ct);
        await using var host = await CertManagerModeHost.StartAsync(env, CertManagerModeHost.Options(env), null, ct);
        var ns = env.Namespace;
        var cm = new CertManagerObjects(env.Client, ns);
        await cm.CreateCaIssuerAsync("ca", ct);
        await cm.CreateAsync("certificates", CertManagerObjects.Named("app", "Certificate", new JsonObject
        {
            ["secretName"] = "app-tls",
            ["dnsNames"] = new JsonArray("app.example"),
            ["issuerRef"] = CertManagerObjects.IssuerRef("ca"),
        }), ct);
        await cm.WaitAsync("certificates", "app", c => CertManagerObjects.IsTrue(c, ConditionTypes.Ready) && (int?)c["status"]?["revision"] == 1, ct);

        // status: not in k8scert.io (the default); found in cert-manager.io, and by auto.
        var native = await RunAsync((o, e) => StatusCommand.RunAsync(env.Client, ns, "app", "json", o, e, ct));
        Assert.Equal(ExitCodes.NotFound, native.Exit);
        var first = await StatusAsync(env.Client, ns, ApiModeChoice.CertManager, ct);
        Assert.Equal("cert-manager.io", (string?)first["api"]);
        Assert.Contains(first["conditions"]!.AsArray(), c => (string?)c!["type"] == ConditionTypes.Ready && (string?)c["status"] == ConditionStatus.True);
        Assert.Equal(1, (int?)first["revision"]);
        Assert.Equal(1, (int?)first["request"]!["revision"]);
        Assert.Equal(ConditionStatus.True, (string?)first["request"]!["approved"]!["status"]);
        Assert.Equal(ConditionStatus.True, (string?)first["request"]!["ready"]!["status"]);
        Assert.True((bool?)first["secret"]!["keyMatchesCertificate"]);
        Assert.Contains(first["events"]!.AsArray(), e => (string?)e!["object"] == "Certificate/app");
        var firstSerial = (string)first["secret"]!["serial"]!;
        var table = await RunAsync((o, e) => StatusCommand.RunAsync(env.Client, ns, "app", "table", o, e, ct, ApiModeChoice.Auto));
        Assert.True(table.Exit == ExitCodes.Ok, table.Stderr);
        Assert.Contains($"Certificate:      {ns}/app (cert-manager.io)\n", table.Stdout, StringComparison.Ordinal);

        // The executable (the NativeAOT one when K8SCERT_TEST_OPERATOR_BINARY names it) parses the flag and renders JSON.
        await using var process = await RunBinaryAsync(["status", "certificate", "app", "--api-mode", "auto", "--kubeconfig", env.KubeconfigPath, "-n", ns, "-o", "json"], ct);
        Assert.True(process.ExitCode == ExitCodes.Ok, process.Output);
        Assert.Equal(firstSerial, (string?)JsonNode.Parse(process.Output)!["secret"]!["serial"]);

        // inspect: cert-manager's Secret annotations name the Certificate and issuer.
        var inspected = await RunAsync((o, e) => InspectCommand.RunAsync(env.Client, ns, "app-tls", "json", o, e, ct, ApiModeChoice.Auto));
        Assert.True(inspected.Exit == ExitCodes.Ok, inspected.Stderr);
        var inspection = JsonNode.Parse(inspected.Stdout)!;
        Assert.Equal("cert-manager.io", (string?)inspection["managedBy"]!["api"]);
        Assert.Equal("app", (string?)inspection["managedBy"]!["certificate"]);
        Assert.Equal("cert-manager.io", (string?)inspection["managedBy"]!["issuerGroup"]);
        Assert.Equal(firstSerial, (string?)inspection["certificate"]!["serial"]);
        var inspectedText = await RunAsync((o, e) => InspectCommand.RunAsync(env.Client, ns, "app-tls", "table", o, e, ct, ApiModeChoice.CertManager));
        Assert.Contains("Managed by:       Certificate app (cert-manager.io), issuer Issuer/ca\n", inspectedText.Stdout, StringComparison.Ordinal);
        var asNative = await RunAsync((o, e) => InspectCommand.RunAsync(env.Client, ns, "app-tls", "json", o, e, ct));
        Assert.Null(JsonNode.Parse(asNative.Stdout)!["managedBy"]);

        // renew, as cmctl renew: Issuing=True (ManuallyTriggered) on the status, which the operator honours.
        var renewed = await RunAsync((o, e) => RenewCommand.RunAsync(env.Client, ns, ["app"], false, null, TimeProvider.System, o, e, ct, ApiModeChoice.CertManager));
        Assert.True(renewed.Exit == ExitCodes.Ok, renewed.Stderr);
        Assert.Contains($"Manually triggered issuance of Certificate {ns}/app", renewed.Stdout, StringComparison.Ordinal);
        var second = await cm.WaitAsync("certificates", "app", c => CertManagerObjects.IsTrue(c, ConditionTypes.Ready) && (int?)c["status"]?["revision"] == 2, ct);
        Assert.Null(second["metadata"]!["annotations"]?["cert-manager.io/renew-requested-at"]);
        var after = await StatusAsync(env.Client, ns, ApiModeChoice.CertManager, ct);
        Assert.Equal(2, (int?)after["request"]!["revision"]);
        Assert.NotEqual(firstSerial, (string?)after["secret"]!["serial"]);

        await CreateRequestFromManifestAsync(env.Client, ns, cm, ct);
    }

    [SkippableFact]
    public async Task ApproveAndDenyDecideCertManagerRequests()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var ct = cts.Token;
        await using var env = await CertManagerModeHost.EnvironmentAsync(output, ct);
        var ns = env.Namespace;
        var cm = new CertManagerObjects(env.Client, ns);
        using var key = PrivateKeyGenerator.Generate(new PrivateKeySpec(KeyAlgorithm.Ecdsa));
        var csr = System.Text.Encoding.ASCII.GetBytes(CsrBuilder.BuildPem(key, new CertificateTemplate { DnsNames = ["decide.example"] }));
        foreach (var name in new[] { "to-approve", "to-deny" })
        {
            await cm.CreateAsync("certificaterequests", CertManagerObjects.Named(name, "CertificateRequest", new JsonObject
            {
                ["request"] = Convert.ToBase64String(csr),
                ["issuerRef"] = CertManagerObjects.IssuerRef("ca"),
            }), ct);
        }

        // The default API (k8scert.io) does not hold them.
        var native = await DecideAsync(env, "to-approve", ConditionTypes.Approved, null, ct);
        Assert.Equal(ExitCodes.NotFound, native.Exit);

        var approved = await DecideAsync(env, "to-approve", ConditionTypes.Approved, ApiModeChoice.CertManager, ct);
        Assert.True(approved.Exit == ExitCodes.Ok, approved.Stderr);
        var denied = await DecideAsync(env, "to-deny", ConditionTypes.Denied, ApiModeChoice.Auto, ct);
        Assert.True(denied.Exit == ExitCodes.Ok, denied.Stderr);

        var approvedRequest = (await cm.GetAsync("certificaterequests", "to-approve", ct))!;
        Assert.Equal("PkiTeam", (string?)CertManagerObjects.Condition(approvedRequest, ConditionTypes.Approved)?["reason"]);
        Assert.True(CertManagerObjects.IsTrue(approvedRequest, ConditionTypes.Approved), approvedRequest.ToJsonString());
        var deniedRequest = (await cm.GetAsync("certificaterequests", "to-deny", ct))!;
        Assert.True(CertManagerObjects.IsTrue(deniedRequest, ConditionTypes.Denied), deniedRequest.ToJsonString());
        Assert.Null(CertManagerObjects.Condition(deniedRequest, ConditionTypes.Approved));

        // A decision is final; an unknown name is reported with the APIs looked in.
        var again = await DecideAsync(env, "to-deny", ConditionTypes.Approved, ApiModeChoice.CertManager, ct);
        Assert.Equal(ExitCodes.Failed, again.Exit);
        Assert.Contains("already Denied", again.Stderr, StringComparison.Ordinal);
        var missing = await DecideAsync(env, "nope", ConditionTypes.Approved, ApiModeChoice.Auto, ct);
        Assert.Equal(ExitCodes.NotFound, missing.Exit);
        Assert.Contains("not found in k8scert.io or cert-manager.io", missing.Stderr, StringComparison.Ordinal);
    }

    // create certificaterequest --api-mode auto from a cert-manager.io manifest: the request is a cert-manager.io one.
    private static async Task CreateRequestFromManifestAsync(k8s.IKubernetes client, string ns, CertManagerObjects cm, CancellationToken ct)
    {
        var directory = Directory.CreateTempSubdirectory("cm-create-cr-");
        try
        {
            var manifest = Path.Combine(directory.FullName, "certificate.yaml");
            await File.WriteAllTextAsync(manifest, """
                apiVersion: cert-manager.io/v1
                kind: Certificate
                metadata:
                  name: cli
                spec:
                  secretName: cli-tls
                  dnsNames: [cli.example]
                  issuerRef: { name: ca, kind: Issuer, group: cert-manager.io }
                """, ct);
            var keyFile = Path.Combine(directory.FullName, "cli.key");
            var certificateFile = Path.Combine(directory.FullName, "cli.crt");
            var created = await RunAsync((o, e) => CreateCertificateRequestCommand.RunAsync(client, ns, "cli-request", manifest, keyFile, certificateFile,
                TimeSpan.FromMinutes(1), o, e, ct, ApiModeChoice.Auto));
            Assert.True(created.Exit == ExitCodes.Ok, created.Stderr);
            var request = await cm.GetAsync("certificaterequests", "cli-request", ct);
            Assert.True(request is not null && CertManagerObjects.IsTrue(request, ConditionTypes.Ready), request?.ToJsonString());
            using var leaf = PemCodec.DecodeCertificates(await File.ReadAllTextAsync(certificateFile, ct))[0];
            Assert.Equal(["cli.example"], CertificateInfo.FromCertificate(leaf).SubjectAltNames.DnsNames);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static Task<(int Exit, string Stdout, string Stderr)> DecideAsync(
        KubeTestEnvironment env, string name, string condition, ApiModeChoice? mode, CancellationToken ct) =>
        RunAsync((o, e) => ApprovalCommands.RunAsync(env.Client, env.Namespace, name, condition, "PkiTeam", "decided by a test", TimeProvider.System, o, e, ct, mode));

    private static async Task<JsonNode> StatusAsync(k8s.IKubernetes client, string ns, ApiModeChoice mode, CancellationToken ct)
    {
        var result = await RunAsync((o, e) => StatusCommand.RunAsync(client, ns, "app", "json", o, e, ct, mode));
        Assert.True(result.Exit == ExitCodes.Ok, result.Stderr);
        return JsonNode.Parse(result.Stdout)!;
    }

    private static async Task<ExternalProcess> RunBinaryAsync(string[] arguments, CancellationToken ct)
    {
        var process = ExternalProcess.Start(OperatorProcess.Binary(), arguments);
        while (!process.HasExited)
        {
            await Task.Delay(50, ct);
        }
        return process;
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(Func<TextWriter, TextWriter, Task<int>> run)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await run(stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
