using K8sCertOperator.Api;

namespace K8sCertOperator.Controllers.Issuers;

/// <summary>
/// Decides whether an ACME issuer's account must be (re-)registered, so a reconcile triggered by our own
/// status write, or a resync, does not contact the ACME server again.
/// </summary>
public static class AcmeRegistrationDecision
{
    /// <summary>
    /// Why registration is needed, or null when the recorded status already describes a registration with this
    /// key and email for the current generation and the registry holds a client for it.
    /// </summary>
    public static string? WhyRegister(IGenericIssuer issuer, string accountKeyHash, bool registryHasClient)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        var ready = ConditionSet.Find(issuer.Status?.Conditions, ConditionTypes.Ready);
        if (ready is null || ready.Status != ConditionStatus.True || ready.Reason != ConditionReasons.AcmeAccountRegistered)
        {
            return "the issuer is not Ready with a registered account";
        }

        if (ready.ObservedGeneration != issuer.Metadata?.Generation)
        {
            return "the issuer spec changed";
        }

        var acme = issuer.Status?.Acme;
        if (string.IsNullOrEmpty(acme?.Uri))
        {
            return "no account URI is recorded";
        }

        if (acme.LastPrivateKeyHash != accountKeyHash)
        {
            return "the account key changed";
        }

        if (!string.Equals(acme.LastRegisteredEmail ?? "", issuer.Spec?.Acme?.Email ?? "", StringComparison.Ordinal))
        {
            return "the account email changed";
        }

        return registryHasClient ? null : "no ACME client is cached for the account";
    }
}
