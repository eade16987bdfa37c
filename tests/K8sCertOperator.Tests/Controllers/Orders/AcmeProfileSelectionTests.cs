using K8sCertOperator.Api;
using K8sCertOperator.Controllers.Orders;

namespace K8sCertOperator.Tests.Controllers.Orders;

public class AcmeProfileSelectionTests
{
    // Columns: Certificate annotation (null = absent), issuer profile, expected profile.
    [Theory]
    [InlineData(null, null, null)]
    [InlineData(null, "classic", "classic")]
    [InlineData("shortlived", null, "shortlived")]
    [InlineData("shortlived", "classic", "shortlived")]
    [InlineData("", "classic", "classic")]
    [InlineData("  ", "classic", "classic")]
    [InlineData(" tlsserver ", "", "tlsserver")]
    [InlineData(null, " ", null)]
    public void The_certificate_annotation_overrides_the_issuer(string? annotation, string? issuerProfile, string? expected)
    {
        var annotations = annotation is null ? null : new Dictionary<string, string> { [AnnotationKeys.AcmeProfile] = annotation };

        Assert.Equal(expected, AcmeProfileSelection.Resolve(annotations, issuerProfile));
    }

    // Columns: profile, offered (comma list; "-" = directory without meta.profiles), refused.
    [Theory]
    [InlineData(null, "-", false)]
    [InlineData("classic", "classic,shortlived", false)]
    [InlineData("tlsserver", "classic,shortlived", true)]
    [InlineData("classic", "-", true)]
    [InlineData("Classic", "classic", true)]
    public void A_profile_the_directory_does_not_list_is_refused(string? profile, string offered, bool refused)
    {
        var profiles = offered == "-" ? null : offered.Split(',').ToDictionary(p => p, p => "description of " + p);

        var refusal = AcmeProfileSelection.Refusal(profile, profiles);

        Assert.Equal(refused, refusal is not null);
        if (refusal is not null)
        {
            Assert.Contains($"'{profile}'", refusal, StringComparison.Ordinal);
            Assert.Contains(profiles is null ? "it offers no profiles" : "it offers: " + string.Join(", ", profiles.Keys.Order(StringComparer.Ordinal)), refusal, StringComparison.Ordinal);
        }
    }
}
