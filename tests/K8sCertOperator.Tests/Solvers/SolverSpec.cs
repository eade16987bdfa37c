using K8sCertOperator.Api.Acme;
using K8sCertOperator.Api.GatewayApi;

namespace K8sCertOperator.Tests.Solvers;

/// <summary>
/// Builds solvers from compact table strings: <c>type[;names=a,b][;zones=x,y][;labels=k=v,k2=v2]</c>,
/// where type is http (an Ingress solver), gateway (an HTTPRoute solver), dns, dns-account (dns01 with accountScoped),
/// persist (dnsPersist01) or both (http + dns); a bare type means "no selector" and <c>{}</c> an empty selector.
/// </summary>
internal static class SolverSpec
{
    public static AcmeChallengeSolver Parse(string spec)
    {
        var parts = spec.Split(';');
        var solver = new AcmeChallengeSolver();
        if (parts[0] is "http" or "both")
        {
            solver.Http01 = new AcmeChallengeSolverHttp01 { Ingress = new AcmeChallengeSolverHttp01Ingress() };
        }
        if (parts[0] is "gateway")
        {
            solver.Http01 = new AcmeChallengeSolverHttp01
            {
                GatewayHttpRoute = new AcmeChallengeSolverHttp01GatewayHttpRoute { ParentRefs = [new ParentReference { Name = "gw" }] },
            };
        }
        if (parts[0] is "dns" or "both" or "dns-account")
        {
            solver.Dns01 = new AcmeChallengeSolverDns01 { AccountScoped = parts[0] == "dns-account" ? true : null };
        }
        if (parts[0] == "persist")
        {
            solver.DnsPersist01 = new AcmeChallengeSolverDnsPersist01();
        }
        foreach (var part in parts.Skip(1))
        {
            solver.Selector ??= new CertificateDnsNameSelector();
            if (part == "{}")
            {
                continue;
            }
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            var (key, values) = (part[..eq], part[(eq + 1)..].Split(','));
            switch (key)
            {
                case "names":
                    solver.Selector.DnsNames = [.. values];
                    break;
                case "zones":
                    solver.Selector.DnsZones = [.. values];
                    break;
                case "labels":
                    solver.Selector.MatchLabels = values.Select(v => v.Split('=')).ToDictionary(kv => kv[0], kv => kv[1]);
                    break;
                default:
                    throw new ArgumentException($"unknown selector part '{key}'");
            }
        }
        return solver;
    }

    public static Dictionary<string, string> Labels(string text) =>
        text.Length == 0
            ? []
            : text.Split(',').Select(v => v.Split('=')).ToDictionary(kv => kv[0], kv => kv[1]);
}
