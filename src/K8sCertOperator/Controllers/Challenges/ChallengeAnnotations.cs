using K8sCertOperator.Api;

namespace K8sCertOperator.Controllers.Challenges;

/// <summary>Annotation keys the Challenge controller keeps on Challenges.</summary>
public static class ChallengeAnnotations
{
    /// <summary>When the challenge was first presented (RFC 3339); bounds the wait for propagation/self-check across restarts.</summary>
    public const string PresentedAt = ApiGroups.Acme + "/presented-at";

    /// <summary>Finalizer that guarantees clean-up of Ingresses, tokens and TXT records.</summary>
    public const string Finalizer = ApiGroups.Acme + "/finalizer";
}
