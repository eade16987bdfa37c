using k8s;
using k8s.Models;

namespace K8sCertOperator.Kube.Events;

/// <summary>Emits Kubernetes Events about an object. Never throws: failures are logged and dropped.</summary>
public interface IEventRecorder
{
    Task RecordAsync(IKubernetesObject<V1ObjectMeta> involved, string type, string reason, string message, CancellationToken cancellationToken);
}
