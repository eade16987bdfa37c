using K8sCertOperator.Api.Acme;

namespace K8sCertOperator.Policies;

/// <summary>
/// Decides what happens to a CertificateRequest someone else (cert-manager) left in flight for the revision being
/// issued. Resuming is preferred: an ACME order still open at the CA is finished as it is, so taking over opens no
/// new order (no rate-limit token spent). A request that cannot produce what is wanted, or whose order the CA or the
/// issuer has already failed, is replaced instead: it is deleted with its Order and Challenges and the operator issues
/// through its own request, without counting a failed attempt the operator never made. Evaluated on every pass, so an
/// adopted order that fails later is replaced the same way.
/// </summary>
public static class InFlightRequestPolicy
{
    public static InFlightDecision Decide(InFlightRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Mismatch is { } mismatch)
        {
            return InFlightDecision.Replace($"it does not match the Certificate: {mismatch}");
        }

        if (request.Denied)
        {
            return InFlightDecision.Replace("it was denied");
        }

        if (request.Failed)
        {
            return InFlightDecision.Replace("it failed");
        }

        if (AcmeStates.IsFailure(request.OrderState))
        {
            return InFlightDecision.Replace($"its ACME order is {request.OrderState}");
        }

        if (!request.HasOrder)
        {
            return InFlightDecision.Adopt("it has no Order yet: the operator makes one for it");
        }

        return request.OrderOpened
            ? InFlightDecision.Adopt($"its ACME order ({request.OrderState ?? AcmeStates.Pending}) is still usable: resumed without a new order")
            : InFlightDecision.Adopt("its Order was not opened at the CA yet: the operator opens it");
    }
}
