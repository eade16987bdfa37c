using K8sCertOperator.Api;
using K8sCertOperator.Kube;
using K8sCertOperator.Kube.Informers;
using K8sCertOperator.Kube.Queue;

namespace K8sCertOperator.Controllers.Issuers;

/// <summary>
/// Enqueues the issuers referencing a Secret when it is created, changed or deleted: from the metadata-only watch of
/// all Secrets (any Secret, labelled or not) and from the managed-Secret cache (whose update may land after the
/// metadata event, and whose content the reconcile then reads).
/// </summary>
public static class IssuerSecretWakeUp
{
    public static void Bind<T>(OperatorContext context, IWorkQueue<ObjectKey> queue, IInformer<T> issuers, string? clusterResourceNamespace)
        where T : class, IGenericIssuer
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(queue);
        ArgumentNullException.ThrowIfNull(issuers);

        void Enqueue(string? secretNamespace, string? secretName)
        {
            foreach (var key in IssuerSecretMapping.Users(issuers.List(), secretNamespace, secretName, clusterResourceNamespace))
            {
                queue.Add(key);
            }
        }

        context.Informers.ManagedSecrets.EnqueueOnChange(queue, secret =>
        {
            Enqueue(secret.Metadata?.NamespaceProperty, secret.Metadata?.Name);
            return [];
        });
        if (context.Informers.SecretEvents is { } events)
        {
            events.OnChange += secret => Enqueue(secret.Metadata?.NamespaceProperty, secret.Metadata?.Name);
        }
    }
}
