using System.Text.Json.Nodes;
using K8sCertOperator.Api;
using Xunit.Abstractions;

namespace K8sCertOperator.IntegrationTests.Controllers.ApiMode;

/// <summary>cert-manager issuer kinds this operator does not serve get Ready=False naming the field, never silence.</summary>
public sealed class CertManagerUnsupportedTests(ITestOutputHelper output)
{
    [SkippableFact]
    public async Task AVaultIssuerIsNotReadyAndSaysSpecVault()
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

        var issuer = await cm.WaitAsync("issuers", "vault", i => CertManagerObjects.Condition(i, ConditionTypes.Ready) is not null, ct);

        var ready = CertManagerObjects.Condition(issuer, ConditionTypes.Ready)!;
        Assert.Equal("False", (string?)ready["status"]);
        Assert.Equal(ConditionReasons.ErrInitIssuer, (string?)ready["reason"]);
        Assert.StartsWith("spec.vault: ", (string?)ready["message"], StringComparison.Ordinal);
        // The operator wrote only status: cert-manager's spec is still all there.
        Assert.Equal("pki_int/sign/example-dot-com", (string?)issuer["spec"]!["vault"]!["path"]);
    }
}
