using System.Text;
using k8s.Models;
using K8sCertOperator.Api.Acme;
using K8sCertOperator.IntegrationTests.Controllers.Orders;

namespace K8sCertOperator.IntegrationTests.Controllers.Challenges;

/// <summary>Steps the dns-persist-01, dns-account-01 and profile tests share.</summary>
internal static class AccountBoundDnsKit
{
    public const string TsigSecretName = "tsig";

    /// <summary>Why these tests cannot run here (no named), or null; Pebble is optional (the double stands in).</summary>
    public static string? MissingReason() => Infrastructure.ExternalTool.MissingReason("named", "bind9");

    /// <summary>Skips without named; else the harness on the ACME server <see cref="Fixtures.AcmeServerUnderTest"/> picks (the double when <paramref name="doubleOnly"/>), with bind9.</summary>
    public static Task<AcmeControllerHarness> StartHarnessAsync(
        Xunit.Abstractions.ITestOutputHelper output, CancellationToken ct, Fixtures.AcmeDouble.AcmeDoubleOptions? doubleOptions = null, bool doubleOnly = false)
    {
        var missing = MissingReason();
        Skip.If(missing != null, missing);
        return AcmeControllerHarness.StartWithServerAsync(output, ct, doubleOptions, doubleOnly);
    }

    /// <summary>The Secret with bind9's TSIG key that the RFC 2136 solvers name.</summary>
    public static Task<V1Secret> CreateTsigSecretAsync(AcmeControllerHarness harness, CancellationToken ct) =>
        harness.Apis.Secrets.CreateAsync(new V1Secret
        {
            Metadata = new V1ObjectMeta { Name = TsigSecretName, NamespaceProperty = harness.Namespace },
            Data = new Dictionary<string, byte[]> { ["secret"] = Encoding.ASCII.GetBytes(Convert.ToBase64String(harness.Bind!.TsigSecret)) },
        }, ct);

    /// <summary>The ACME account URL the Issuer controller registered for Issuer <paramref name="issuer"/>.</summary>
    public static async Task<string> AccountUrlAsync(AcmeControllerHarness harness, string issuer, CancellationToken ct)
    {
        while (true)
        {
            if ((await harness.Apis.Issuers.GetAsync(harness.Namespace, issuer, ct))?.Status?.Acme?.Uri is { Length: > 0 } uri)
            {
                return uri;
            }
            await Task.Delay(100, ct);
        }
    }

    /// <summary>Waits for a Challenge that satisfies <paramref name="condition"/>.</summary>
    public static async Task<Challenge> WaitForChallengeAsync(AcmeControllerHarness harness, Func<Challenge, bool> condition, CancellationToken ct)
    {
        while (true)
        {
            var match = (await harness.Apis.Challenges.ListAsync(harness.Namespace, null, ct)).Items.FirstOrDefault(condition);
            if (match is not null)
            {
                return match;
            }
            await Task.Delay(100, ct);
        }
    }

    /// <summary>Every Challenge type the operator's cache saw being created, with its account.</summary>
    public static List<(string Type, string? Account)> RecordChallengeTypes(AcmeControllerHarness harness)
    {
        var seen = new List<(string, string?)>();
        harness.Host!.Context.Informers.Challenges.OnAdd += c =>
        {
            lock (seen)
            {
                seen.Add((c.Spec.Type, c.Spec.AccountUrl));
            }
        };
        return seen;
    }
}
