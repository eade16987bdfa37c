namespace K8sCertOperator.Policies;

/// <summary>
/// What is known about a CertificateRequest for the revision being issued that the operator did not create (cert-manager
/// left it in flight when the operator took over), and about the Order it owns.
/// </summary>
/// <param name="Mismatch">Why the request cannot give what is wanted now (another key, names, issuer...), or null.</param>
/// <param name="Denied">Its Denied condition is True.</param>
/// <param name="Failed">It failed (InvalidRequest, or a failure time).</param>
/// <param name="HasOrder">An Order it owns exists.</param>
/// <param name="OrderState">The local state of that Order (see <c>AcmeStates</c>); null when it has none yet.</param>
/// <param name="OrderOpened">Its Order records an ACME order URL (it was opened at the CA).</param>
public sealed record InFlightRequest(string? Mismatch, bool Denied, bool Failed, bool HasOrder, string? OrderState, bool OrderOpened);
