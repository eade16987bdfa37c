using K8sCertOperator.Api;
using K8sCertOperator.Api.Acme;
using K8sCertOperator.Controllers.Issuers;

namespace K8sCertOperator.Tests.Controllers.Issuers;

public class IssuerSecretReferencesTests
{
    [Fact]
    public void Dns_providers_of_dns01_and_dns_persist_01_solvers_wake_the_issuer()
    {
        var spec = new IssuerSpec
        {
            Acme = new AcmeIssuer
            {
                PrivateKeySecretRef = new SecretKeySelector { Name = "account" },
                Solvers =
                [
                    new AcmeChallengeSolver { Dns01 = new AcmeChallengeSolverDns01 { Cloudflare = new AcmeIssuerDnsCloudflare { ApiTokenSecretRef = new SecretKeySelector { Name = "cf" } } } },
                    new AcmeChallengeSolver
                    {
                        DnsPersist01 = new AcmeChallengeSolverDnsPersist01
                        {
                            Provider = new AcmeChallengeSolverDnsPersist01Provider { Rfc2136 = new AcmeIssuerDnsRfc2136 { Nameserver = "ns", TsigSecretSecretRef = new SecretKeySelector { Name = "tsig" } } },
                        },
                    },
                    new AcmeChallengeSolver { DnsPersist01 = new AcmeChallengeSolverDnsPersist01() },
                ],
            },
        };

        Assert.Equal(["account", "cf", "tsig"], IssuerSecretReferences.Names(spec).Order(StringComparer.Ordinal));
    }
}
