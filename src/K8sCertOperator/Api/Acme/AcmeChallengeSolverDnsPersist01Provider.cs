namespace K8sCertOperator.Api.Acme;

/// <summary>
/// The DNS provider that writes a dns-persist-01 record: the provider fields of a dns01 block; a <c>Follow</c>
/// cnameStrategy writes at the target of a CNAME on <c>_validation-persist.NAME</c>.
/// </summary>
public sealed class AcmeChallengeSolverDnsPersist01Provider : AcmeDnsProviders;
