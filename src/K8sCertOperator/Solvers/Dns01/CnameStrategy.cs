namespace K8sCertOperator.Solvers.Dns01;

/// <summary>Whether the challenge record is written at <c>_acme-challenge.NAME</c> or at the end of its CNAME chain (cert-manager's <c>cnameStrategy</c>).</summary>
public enum CnameStrategy
{
    None,
    Follow,
}
