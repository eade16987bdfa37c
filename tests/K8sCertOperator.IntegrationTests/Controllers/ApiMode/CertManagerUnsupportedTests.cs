using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using K8sCertOperator.Api;
using K8sCertOperator.Cli;
using K8sCertOperator.Cli.Migration;
using K8sCertOperator.Cli.Ops;
using K8sCertOperator.IntegrationTests.Cluster;
using K8sCertOperator.Kube.Events;
using K8sCertOperator.Policies.Schema;
using Xunit.Abstractions;

namespace K8sCertOperator.IntegrationTests.Controllers.ApiMode;

/// <summary>
/// cert-manager objects that use what this operator does not have get Ready=False and a Warning Event naming the field,
/// never silence and never an issuance as if the field were absent; `check migration` lists the same objects.
/// </summary>
public sealed class CertManagerUnsupportedTests(ITestOutputHelper output)
{
    [SkippableFact]
    public async Task AVaultIssuerAndACertificateWithAValueWeLackAreNotReadySayWhyAndCheckMigrationListsBoth()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var ct = cts.Token;
        await using var env = await CertManagerModeHost.EnvironmentAsync(output, ct);
        await using var host = await CertManagerModeHost.StartAsync(env, CertManagerModeHost.Options(env), null, ct);
        var cm = new CertManagerObjects(env.Client, env.Namespace);
        await cm.CreateAsync("issuers", CertManagerObjects.Named("vault", "Issuer", new JsonObject
        {
            ["vault"] = new JsonObject
            {
                ["server"] = "https://vault.example:8200",
                ["path"] = "pki_int/sign/example-dot-com",
                ["auth"] = new JsonObject { ["tokenSecretRef"] = new JsonObject { ["name"] = "vault-token", ["key"] = "token" } },
            },
        }), ct);
        await cm.CreateAsync("issuers", CertManagerObjects.Named("bootstrap", "Issuer", new JsonObject { ["selfSigned"] = new JsonObject() }), ct);
        await cm.CreateAsync("certificates", CertManagerObjects.Named("web", "Certificate", WebSpec(renewBeforePercentage: 100)), ct);

        var issuer = await cm.WaitAsync("issuers", "vault", i => CertManagerObjects.Condition(i, ConditionTypes.Ready) is not null, ct);
        var issuerReady = CertManagerObjects.Condition(issuer, ConditionTypes.Ready)!;
        Assert.Equal("False", (string?)issuerReady["status"]);
        Assert.Equal(UnsupportedFieldPolicy.UnsupportedIssuer, (string?)issuerReady["reason"]);
        Assert.StartsWith("spec.vault: issuer type vault is not supported by k8s-cert-operator (it has: acme, ca, selfSigned)", (string?)issuerReady["message"], StringComparison.Ordinal);
        var issuerEvent = await WaitEventAsync(env, "Issuer", "vault", UnsupportedFieldPolicy.UnsupportedIssuer, ct);
        Assert.Equal(EventTypes.Warning, issuerEvent.Type);
        Assert.Equal((string?)issuerReady["message"], issuerEvent.Message);
        // The operator wrote only status: cert-manager's spec is still all there.
        Assert.Equal("pki_int/sign/example-dot-com", (string?)issuer["spec"]!["vault"]!["path"]);

        var certificate = await cm.WaitAsync("certificates", "web", c => CertManagerObjects.Condition(c, ConditionTypes.Ready) is not null, ct);
        var certificateReady = CertManagerObjects.Condition(certificate, ConditionTypes.Ready)!;
        Assert.Equal("False", (string?)certificateReady["status"]);
        Assert.Equal(UnsupportedFieldPolicy.UnsupportedField, (string?)certificateReady["reason"]);
        Assert.StartsWith("spec.renewBeforePercentage: 100 is above this operator's maximum 99", (string?)certificateReady["message"], StringComparison.Ordinal);
        var certificateEvent = await WaitEventAsync(env, "Certificate", "web", UnsupportedFieldPolicy.UnsupportedField, ct);
        Assert.Equal(EventTypes.Warning, certificateEvent.Type);
        Assert.Equal((string?)certificateReady["message"], certificateEvent.Message);
        // Not issued as if the field were absent: no request, no Secret.
        Assert.Empty(await cm.ListAsync(CertManagerObjects.Group, "certificaterequests", ct));
        Assert.Null(await new K8sCertOperator.Controllers.OperatorApis(env.Client).Secrets.GetAsync(env.Namespace, "web-tls", ct));

        // `check migration`, run before the switch, names the same two objects and fields.
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        Assert.Equal(ExitCodes.MigrationBlocked, await CheckMigrationCommand.RunAsync(env.Client, env.Namespace, OutputFormats.Json, stdout, stderr, ct));
        var findings = JsonNode.Parse(stdout.ToString())!["findings"]!.AsArray()
            .Select(f => $"{f!["kind"]} {f["name"]} {f["field"]} {f["severity"]}").Where(f => !f.StartsWith("ClusterIssuer ", StringComparison.Ordinal)).ToList();
        Assert.Equal(["Issuer vault spec.vault Unsupported", "Certificate web spec.renewBeforePercentage Unsupported"], findings);
    }

    [SkippableFact]
    public async Task ACertificateIsToldOncePerGenerationAndIssuedOnceItsSpecIsSupported()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var ct = cts.Token;
        await using var env = await CertManagerModeHost.EnvironmentAsync(output, ct);
        await using var host = await CertManagerModeHost.StartAsync(env, CertManagerModeHost.Options(env), null, ct);
        var cm = new CertManagerObjects(env.Client, env.Namespace);
        await cm.CreateAsync("issuers", CertManagerObjects.Named("bootstrap", "Issuer", new JsonObject { ["selfSigned"] = new JsonObject() }), ct);
        await cm.CreateAsync("certificates", CertManagerObjects.Named("web", "Certificate", WebSpec(renewBeforePercentage: 100)), ct);
        await cm.WaitAsync("certificates", "web", c => (string?)CertManagerObjects.Condition(c, ConditionTypes.Ready)?["reason"] == UnsupportedFieldPolicy.UnsupportedField, ct);

        // A metadata change wakes the Certificate without a new generation: nothing new to say. The spec change after
        // it is a new generation, and is said once.
        await PatchAsync(env, "web", """{"metadata":{"labels":{"team":"web"}}}""", ct);
        await PatchAsync(env, "web", """{"spec":{"renewBeforePercentage":0}}""", ct);
        await cm.WaitAsync("certificates", "web", c => ((string?)CertManagerObjects.Condition(c, ConditionTypes.Ready)?["message"])?.StartsWith("spec.renewBeforePercentage: 0 is below", StringComparison.Ordinal) == true, ct);
        await WaitEventAsync(env, "Certificate", "web", UnsupportedFieldPolicy.UnsupportedField, ct, "spec.renewBeforePercentage: 0 ");
        var events = await EventsAsync(env, "Certificate", "web", UnsupportedFieldPolicy.UnsupportedField, ct);
        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.True((e.Count ?? 1) == 1, $"{e.Message} said {e.Count} times"));

        await PatchAsync(env, "web", """{"spec":{"renewBeforePercentage":50}}""", ct);
        await cm.WaitConditionAsync("certificates", "web", ConditionTypes.Ready, ct);
        Assert.NotNull(await new K8sCertOperator.Controllers.OperatorApis(env.Client).Secrets.GetAsync(env.Namespace, "web-tls", ct));
    }

    private static JsonObject WebSpec(int renewBeforePercentage) => new()
    {
        ["secretName"] = "web-tls",
        ["dnsNames"] = new JsonArray("web.example"),
        ["renewBeforePercentage"] = renewBeforePercentage,
        ["issuerRef"] = CertManagerObjects.IssuerRef("bootstrap"),
    };

    private static Task PatchAsync(KubeTestEnvironment env, string name, string mergePatch, CancellationToken ct) =>
        env.Client.CustomObjects.PatchNamespacedCustomObjectAsync(new V1Patch(mergePatch, V1Patch.PatchType.MergePatch),
            CertManagerObjects.Group, "v1", env.Namespace, "certificates", name, cancellationToken: ct);

    private static async Task<IReadOnlyList<Corev1Event>> EventsAsync(KubeTestEnvironment env, string kind, string name, string reason, CancellationToken ct) =>
        [.. (await env.Client.CoreV1.ListNamespacedEventAsync(env.Namespace, cancellationToken: ct)).Items
            .Where(e => e.InvolvedObject?.Kind == kind && e.InvolvedObject.Name == name && e.Reason == reason)];

    private static async Task<Corev1Event> WaitEventAsync(KubeTestEnvironment env, string kind, string name, string reason, CancellationToken ct, string messageStart = "")
    {
        while (true)
        {
            if ((await EventsAsync(env, kind, name, reason, ct)).FirstOrDefault(e => e.Message?.StartsWith(messageStart, StringComparison.Ordinal) == true) is { } found)
            {
                return found;
            }

            await Task.Delay(100, ct);
        }
    }
}
