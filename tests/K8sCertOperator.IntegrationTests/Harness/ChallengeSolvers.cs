using K8sCertOperator.Api;
using K8sCertOperator.Api.Acme;
using K8sCertOperator.Api.GatewayApi;
using K8sCertOperator.IntegrationTests.Fixtures;

namespace K8sCertOperator.IntegrationTests.Harness;

/// <summary>The ACME challenge solvers the integration tests configure on their Issuers and Challenges.</summary>
public static class ChallengeSolvers
{
    /// <summary>HTTP-01 through a solver Ingress of class nginx (the operator's own responder answers).</summary>
    public static AcmeChallengeSolver Http01Ingress() => new()
    {
        Http01 = new AcmeChallengeSolverHttp01 { Ingress = new AcmeChallengeSolverHttp01Ingress { IngressClassName = "nginx" } },
    };

    /// <summary>HTTP-01 through a temporary HTTPRoute attached to <paramref name="parents"/> (the operator's own responder answers).</summary>
    public static AcmeChallengeSolver Http01GatewayRoute(params ParentReference[] parents) => new()
    {
        Http01 = new AcmeChallengeSolverHttp01 { GatewayHttpRoute = new AcmeChallengeSolverHttp01GatewayHttpRoute { ParentRefs = [.. parents] } },
    };

    /// <summary>DNS-01 by RFC 2136 updates to <paramref name="bind"/>, the TSIG secret under key "secret" of <paramref name="tsigSecretName"/>.</summary>
    public static AcmeChallengeSolver Rfc2136(Bind9Fixture bind, string tsigSecretName) => new()
    {
        Dns01 = new AcmeChallengeSolverDns01
        {
            Rfc2136 = new AcmeIssuerDnsRfc2136
            {
                Nameserver = bind.Nameserver,
                TsigKeyName = bind.TsigKeyName,
                TsigAlgorithm = "HMACSHA256",
                TsigSecretSecretRef = new SecretKeySelector { Name = tsigSecretName, Key = "secret" },
            },
        },
    };

    /// <summary>DNS-01 by RFC 2136 like <see cref="Rfc2136"/>, preferring dns-account-01 when the CA offers it.</summary>
    public static AcmeChallengeSolver AccountScopedRfc2136(Bind9Fixture bind, string tsigSecretName)
    {
        var solver = Rfc2136(bind, tsigSecretName);
        solver.Dns01!.AccountScoped = true;
        return solver;
    }

    /// <summary>dns-persist-01 whose record <paramref name="bind"/> gets by RFC 2136 (null <paramref name="tsigSecretName"/>: published by hand).</summary>
    public static AcmeChallengeSolver DnsPersist01(Bind9Fixture bind, string? tsigSecretName) => new()
    {
        DnsPersist01 = new AcmeChallengeSolverDnsPersist01
        {
            Provider = tsigSecretName is null ? null : new AcmeChallengeSolverDnsPersist01Provider { Rfc2136 = Rfc2136(bind, tsigSecretName).Dns01!.Rfc2136 },
        },
    };
}
