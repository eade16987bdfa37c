using K8sCertOperator.Api;
using K8sCertOperator.Kube;
using K8sCertOperator.Kube.Informers;

namespace K8sCertOperator.Controllers.Certificates;

/// <summary>Finds the Issuer/ClusterIssuer a Certificate references, from the informer caches only.</summary>
public static class IssuerLookup
{
    public static IGenericIssuer? Find(ObjectReference issuerRef, string @namespace, IInformer<Issuer> issuers, IInformer<ClusterIssuer> clusterIssuers)
    {
        ArgumentNullException.ThrowIfNull(issuerRef);
        ArgumentNullException.ThrowIfNull(issuers);
        ArgumentNullException.ThrowIfNull(clusterIssuers);
        if (!ApiGroups.IsIssuerGroup(issuerRef.Group) || string.IsNullOrEmpty(issuerRef.Name))
        {
            return null;
        }

        return issuerRef.EffectiveKind switch
        {
            ApiGroups.IssuerKind => issuers.Get(new ObjectKey(@namespace, issuerRef.Name)),
            ApiGroups.ClusterIssuerKind => clusterIssuers.Get(new ObjectKey(null, issuerRef.Name)),
            _ => null,
        };
    }

    /// <summary>The issuer's single configured type; <see cref="IssuerType.Invalid"/> when none or several are set.</summary>
    public static IssuerType TypeOf(IGenericIssuer issuer)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        return Issuers.IssuerReadinessRules.Classify(issuer.Spec);
    }

    public static bool IsReady(IGenericIssuer issuer)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        return ConditionSet.IsTrue(issuer.Status?.Conditions, ConditionTypes.Ready);
    }

    /// <summary>"Issuer/name" or "ClusterIssuer/name" for messages.</summary>
    public static string Describe(ObjectReference issuerRef) => $"{issuerRef.EffectiveKind}/{issuerRef.Name}";
}
