using System.Net;
using K8sCertOperator.Policies;

namespace K8sCertOperator.Tests.Policies;

/// <summary>The outbound policy for namespaced Issuers, as a table: restrictions × scope × server × addresses.</summary>
public class NamespacedIssuerPolicyTests
{
    private static readonly NamespacedIssuerRestrictions Restricted = new() { Enabled = true };
    private static readonly NamespacedIssuerRestrictions Listed = new() { AllowedAcmeHosts = ["acme-v02.api.letsencrypt.org", "ca.pki.svc"] };

    public static TheoryData<string, NamespacedIssuerRestrictions, bool, string, bool, string[], string?, bool> Cases => new()
    {
        // name, restrictions, clusterScoped, server, skipTlsVerify, resolved, refusal fragment (null: allowed), guarded
        { "off: anything goes", NamespacedIssuerRestrictions.Off, false, "https://127.0.0.1:14000/dir", true, ["127.0.0.1"], null, false },
        { "cluster issuer never restricted", Restricted, true, "https://127.0.0.1:14000/dir", true, ["127.0.0.1"], null, false },
        { "cluster issuer ignores the list", Listed, true, "https://other.example/dir", false, ["8.8.8.8"], null, false },
        { "public server allowed, guarded", Restricted, false, "https://acme.example/dir", false, ["8.8.8.8"], null, true },
        { "unresolved: guarded at connect time", Restricted, false, "https://acme.example/dir", false, [], null, true },
        { "skipTLSVerify refused", Restricted, false, "https://acme.example/dir", true, ["8.8.8.8"], "skipTLSVerify", false },
        { "loopback literal refused", Restricted, false, "https://127.0.0.1:14000/dir", false, ["127.0.0.1"], "loopback", false },
        { "name resolving to loopback refused", Restricted, false, "https://localhost/dir", false, ["::1"], "loopback", false },
        { "metadata address refused", Restricted, false, "http://169.254.169.254/dir", false, ["169.254.169.254"], "link-local", false },
        { "private address refused", Restricted, false, "https://ca.internal/dir", false, ["10.0.0.7"], "private", false },
        { "one private among public refused", Restricted, false, "https://mixed.example/dir", false, ["8.8.8.8", "192.168.0.1"], "private", false },
        { "mapped loopback refused", Restricted, false, "https://acme.example/dir", false, ["::ffff:127.0.0.1"], "loopback", false },
        { "listed host allowed unguarded", Listed, false, "https://ca.pki.svc/dir", false, ["10.0.0.7"], null, false },
        { "listed host, case and trailing dot", Listed, false, "https://ACME-v02.api.letsencrypt.org./directory", false, [], null, false },
        { "unlisted host refused", Listed, false, "https://acme.example/dir", false, ["8.8.8.8"], "not in the list", false },
        { "listed host still may not skip TLS", Listed, false, "https://ca.pki.svc/dir", true, [], "skipTLSVerify", false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Evaluate(string name, NamespacedIssuerRestrictions restrictions, bool clusterScoped, string server, bool skipTlsVerify,
        string[] resolved, string? refusal, bool guarded)
    {
        var verdict = NamespacedIssuerPolicy.Evaluate(
            restrictions, clusterScoped, new Uri(server), skipTlsVerify, resolved.Select(IPAddress.Parse).ToList());

        if (refusal is null)
        {
            Assert.False(verdict.IsRefused, $"{name}: {verdict.Refusal}");
        }
        else
        {
            Assert.True(verdict.IsRefused, name);
            Assert.Contains(refusal, verdict.Refusal, StringComparison.Ordinal);
        }

        Assert.Equal(guarded, verdict.GuardConnections);
    }

    [Theory]
    [InlineData(false, false, "https://acme.example/dir", false)]
    [InlineData(true, true, "https://acme.example/dir", false)]
    [InlineData(true, false, "https://acme.example/dir", true)]
    [InlineData(true, false, "https://ca.pki.svc/dir", false)]
    public void NeedsAddressCheck(bool restricted, bool clusterScoped, string server, bool expected)
    {
        var restrictions = restricted ? Restricted with { AllowedAcmeHosts = ["ca.pki.svc"] } : NamespacedIssuerRestrictions.Off;

        Assert.Equal(expected, NamespacedIssuerPolicy.NeedsAddressCheck(restrictions, clusterScoped, new Uri(server)));
    }
}
