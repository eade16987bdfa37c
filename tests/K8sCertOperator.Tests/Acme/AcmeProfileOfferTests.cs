using K8sCertOperator.Acme;
using K8sCertOperator.Acme.Resources;

namespace K8sCertOperator.Tests.Acme;

/// <summary>A profile the directory does not offer is refused with the offered list (draft-ietf-acme-profiles).</summary>
public class AcmeProfileOfferTests
{
    private static readonly AcmeDirectory WithProfiles = new()
    {
        Meta = new AcmeDirectoryMeta
        {
            Profiles = new Dictionary<string, string> { ["tlsserver"] = "TLS server", ["classic"] = "90 days", ["shortlived"] = "6 days" },
        },
    };

    [Theory]
    [InlineData("classic", null)]
    [InlineData("shortlived", null)]
    [InlineData("Classic", "the ACME server does not offer profile 'Classic'; it offers: classic, shortlived, tlsserver")]
    [InlineData("nope", "the ACME server does not offer profile 'nope'; it offers: classic, shortlived, tlsserver")]
    public void Offered_profiles_pass_and_others_name_the_offered_ones(string profile, string? expected) =>
        Assert.Equal(expected, AcmeProfileOffer.Problem(WithProfiles, profile));

    [Fact]
    public void A_directory_without_profiles_says_it_offers_none()
    {
        var problem = AcmeProfileOffer.Problem(new AcmeDirectory { Meta = new AcmeDirectoryMeta() }, "shortlived");

        Assert.Equal("the ACME server offers no profiles (its directory has no meta.profiles), so profile 'shortlived' cannot be requested", problem);
    }
}
