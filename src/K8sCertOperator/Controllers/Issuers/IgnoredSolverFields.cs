using K8sCertOperator.Api;

namespace K8sCertOperator.Controllers.Issuers;

/// <summary>
/// cert-manager fields an issuer may carry that mean nothing here, because the operator answers HTTP-01 itself (no
/// solver pod, no solver Service): they are accepted, so cert-manager manifests apply unchanged, and reported.
/// </summary>
public static class IgnoredSolverFields
{
    /// <summary>Event reason of the Warning that names them.</summary>
    public const string EventReason = "IgnoredSolverField";

    /// <summary>One message per solver that sets ignored fields, naming the fields by their path in the spec.</summary>
    public static IReadOnlyList<string> Describe(IssuerSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var messages = new List<string>();
        var solvers = spec.Acme?.Solvers ?? [];
        for (var i = 0; i < solvers.Count; i++)
        {
            var http01 = solvers[i].Http01;
            var prefix = $"spec.acme.solvers[{i}].http01.";
            var fields = new List<string>();
            if (http01?.Ingress?.PodTemplate is not null)
            {
                fields.Add(prefix + "ingress.podTemplate");
            }
            if (http01?.GatewayHttpRoute?.ServiceType is not null)
            {
                fields.Add(prefix + "gatewayHTTPRoute.serviceType");
            }
            if (http01?.GatewayHttpRoute?.PodTemplate is not null)
            {
                fields.Add(prefix + "gatewayHTTPRoute.podTemplate");
            }
            if (fields.Count > 0)
            {
                messages.Add($"{string.Join(" and ", fields)} ignored: the operator answers HTTP-01 itself, " +
                             "so no solver pod or Service is created");
            }
        }
        return messages;
    }
}
