using k8s;
using k8s.Models;

namespace K8sCertOperator.Api;

/// <summary>What Issuer and ClusterIssuer share, so controllers handle both through one code path.</summary>
public interface IGenericIssuer : IKubernetesObject<V1ObjectMeta>, ISpec<IssuerSpec>, IStatus<IssuerStatus?>
{
}
