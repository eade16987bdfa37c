using K8sCertOperator.Api;
using K8sCertOperator.Api.Acme;
using K8sCertOperator.Controllers.Issuers;

namespace K8sCertOperator.Tests.Controllers.Issuers;

/// <summary>Which branch handles which issuer spec, and the readiness of the branches that need no I/O.</summary>
public class IssuerReadinessRulesTests
{
    [Theory]
    [InlineData(false, false, false, IssuerType.Invalid)]
    [InlineData(true, false, false, IssuerType.Acme)]
    [InlineData(false, true, false, IssuerType.Ca)]
    [InlineData(false, false, true, IssuerType.SelfSigned)]
    [InlineData(true, true, false, IssuerType.Invalid)]
    [InlineData(true, false, true, IssuerType.Invalid)]
    [InlineData(false, true, true, IssuerType.Invalid)]
    [InlineData(true, true, true, IssuerType.Invalid)]
    public void Classify_picks_the_single_configured_type(bool acme, bool ca, bool selfSigned, IssuerType expected)
    {
        var spec = new IssuerSpec
        {
            Acme = acme ? new AcmeIssuer { Server = "https://acme.example/dir" } : null,
            Ca = ca ? new CaIssuer { SecretName = "ca" } : null,
            SelfSigned = selfSigned ? new SelfSignedIssuer() : null,
        };

        Assert.Equal(expected, IssuerReadinessRules.Classify(spec));
    }

    [Fact]
    public void Classify_of_a_missing_spec_is_invalid() => Assert.Equal(IssuerType.Invalid, IssuerReadinessRules.Classify(null));

    [Theory]
    [InlineData(IssuerType.SelfSigned, ConditionStatus.True, ConditionReasons.IsReady)]
    [InlineData(IssuerType.Invalid, ConditionStatus.False, ConditionReasons.ErrInitIssuer)]
    [InlineData(IssuerType.Acme, null, null)]
    [InlineData(IssuerType.Ca, null, null)]
    public void Immediate_readiness_only_for_branches_without_io(IssuerType type, string? status, string? reason)
    {
        var readiness = IssuerReadinessRules.Immediate(type);

        Assert.Equal(status, readiness?.Status);
        Assert.Equal(reason, readiness?.Reason);
    }

    [Theory]
    [InlineData("https://acme-v02.api.letsencrypt.org/directory", true, null)]
    [InlineData("http://127.0.0.1:14000/dir", true, null)]
    [InlineData("  https://acme.example/dir ", true, null)]
    [InlineData("", false, "empty")]
    [InlineData(null, false, "empty")]
    [InlineData("acme.example/dir", false, "not an absolute http(s) URL")]
    [InlineData("ftp://acme.example/dir", false, "not an absolute http(s) URL")]
    [InlineData("https://", false, "not an absolute http(s) URL")]
    public void ParseServerUrl_accepts_only_absolute_http_urls(string? server, bool valid, string? errorPart)
    {
        var uri = IssuerReadinessRules.ParseServerUrl(server, out var error);

        Assert.Equal(valid, uri is not null);
        if (errorPart is null)
        {
            Assert.Null(error);
        }
        else
        {
            Assert.Contains(errorPart, error, StringComparison.Ordinal);
        }
    }
}
