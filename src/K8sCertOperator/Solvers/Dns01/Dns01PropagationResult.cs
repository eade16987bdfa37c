namespace K8sCertOperator.Solvers.Dns01;

/// <summary>Outcome of a propagation check: whether every polled nameserver serves the value, and why not.</summary>
/// <param name="IsPropagated">True when the value was visible on all <paramref name="Nameservers"/>.</param>
/// <param name="Message">Human-readable summary for the Challenge status.</param>
/// <param name="Nameservers">The nameservers polled (<c>host:port</c>).</param>
/// <param name="Pending">Nameservers that did not show the value (empty on success).</param>
public sealed record Dns01PropagationResult(
    bool IsPropagated,
    string Message,
    IReadOnlyList<string> Nameservers,
    IReadOnlyList<string> Pending);
