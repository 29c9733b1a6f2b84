/**
 * Every concept of the source document, with a stable ID and a one-line
 * title in each language. The project's own copy of the concept catalogue:
 * lesson steps, presets and tests name these IDs, and a test fails when a
 * concept is taught by no lesson step.
 */
export const CONCEPTS = {
  'DS-SYSTEM': { en: 'Interconnected computers, each with its own hardware and software, seen as one system', es: 'Computadoras interconectadas, cada una con su hardware y software, vistas como un único sistema' },
  'DS-MESSAGES': { en: 'Components communicate and synchronise only by exchanging messages', es: 'Los componentes se comunican y sincronizan solo intercambiando mensajes' },

  'CS-ROLES': { en: 'Clients (PCs, workstations) ask; servers offer shared services over LAN/WLAN/Internet', es: 'Los clientes (PC, estaciones de trabajo) piden; los servidores ofrecen servicios compartidos por LAN/WLAN/Internet' },
  'CS-TERMS': { en: 'API, middleware, relational database, SQL, and TCP/IP as the communications software', es: 'API, middleware, base de datos relacional, SQL y TCP/IP como software de comunicaciones' },
  'CS-DB': { en: 'Database application: the client sends a transaction (SQL), the database server answers', es: 'Aplicación de bases de datos: el cliente envía una transacción (SQL) y el servidor de base de datos responde' },
  'CS-HOST': { en: 'Host-based processing: all the work on the central host, a dumb terminal', es: 'Procesamiento basado en el host: todo el trabajo en el host central, terminal tonto' },
  'CS-SERVER': { en: 'Server-based processing: the client only gives the graphical interface', es: 'Procesamiento basado en el servidor: el cliente solo ofrece la interfaz gráfica' },
  'CS-CLIENT': { en: 'Client-based processing: all on the client except data validation and database logic', es: 'Procesamiento basado en el cliente: todo en el cliente salvo la validación de datos y la lógica de la base de datos' },
  'CS-COOP': { en: 'Cooperative processing: the work split where it fits best', es: 'Procesamiento cooperativo: el trabajo repartido donde mejor encaja' },
  'CS-FAT-THIN': { en: 'Fat client vs thin client', es: 'Cliente pesado frente a cliente ligero' },
  'CS-FAT-COST': { en: 'Fat clients: new features overload desktops; updating many machines is hard', es: 'Clientes pesados: las nuevas funciones sobrecargan los escritorios; actualizar muchas máquinas es difícil' },
  'CS-THIN-MIGR': { en: 'The thin client imitates the host model: a migration path off mainframes', es: 'El cliente ligero imita el modelo del host: un camino para abandonar los mainframes' },
  'CS-BOTTLENECK': { en: 'The server becomes the bottleneck as clients grow; a fat client offloads it', es: 'El servidor se vuelve el cuello de botella al crecer los clientes; el cliente pesado lo descarga' },

  'MP-NOSHM': { en: 'No shared memory between machines: semaphores do not work, messages do', es: 'Sin memoria compartida entre máquinas: los semáforos no sirven, los mensajes sí' },
  'MP-SENDRECV': { en: 'Send(destination, message) and Receive(source, buffer)', es: 'Send(destino, mensaje) y Receive(origen, buffer)' },
  'MP-MODULE': { en: 'A message-passing module (middleware) between the process and the network', es: 'Un módulo de paso de mensajes (middleware) entre el proceso y la red' },
  'MP-RELIABLE': { en: 'Reliable service: error checking, acknowledgement, retransmission, reordering; sender told only of failure', es: 'Servicio fiable: control de errores, acuse de recibo, retransmisión, reordenación; al emisor solo se le avisa del fracaso' },
  'MP-UNRELIABLE': { en: 'Unreliable service: send and forget, no report, less overhead', es: 'Servicio no fiable: enviar y olvidar, sin aviso, menos sobrecarga' },
  'MP-NONBLOCK': { en: 'Non-blocking send returns once queued or copied; without a copy, changes are the sender’s risk', es: 'El Send no bloqueante vuelve en cuanto el mensaje está en cola o copiado; sin copia, los cambios corren por cuenta del emisor' },
  'MP-NONBLOCK-RECV': { en: 'Non-blocking receive: the process goes on and learns of arrival by interrupt or polling', es: 'Receive no bloqueante: el proceso sigue y se entera de la llegada por interrupción o sondeo' },
  'MP-BLOCK': { en: 'Blocking send returns after transmission or acknowledgement; blocking receive waits for the buffer', es: 'El Send bloqueante vuelve tras la transmisión o el acuse; el Receive bloqueante espera al buffer' },

  'RPC-CALL': { en: 'CALL P(X, Y) on a remote machine as if local: reliable blocking message passing refined', es: 'CALL P(X, Y) en una máquina remota como si fuera local: paso de mensajes fiable y bloqueante refinado' },
  'RPC-STUBS': { en: 'Client stub builds the message; server stub unpacks it and calls locally; the reply returns through both', es: 'El stub cliente arma el mensaje; el stub servidor lo desempaqueta y llama localmente; la respuesta vuelve por ambos' },
  'RPC-BYVAL': { en: 'Parameters by value: copied into the message', es: 'Parámetros por valor: copiados en el mensaje' },
  'RPC-BYREF': { en: 'Parameters by reference: need a system-wide unique pointer; costly, usually avoided', es: 'Parámetros por referencia: necesitan un puntero único en todo el sistema; costoso, se suele evitar' },
  'RPC-BIND-TRANS': { en: 'Non-persistent binding: connection made for the call, closed after it', es: 'Enlace no persistente: la conexión se crea para la llamada y se cierra después' },
  'RPC-BIND-PERSIST': { en: 'Persistent binding: connection kept and reused, closed after idle time', es: 'Enlace persistente: la conexión se mantiene y se reutiliza, se cierra tras un tiempo inactiva' },
  'RPC-SYNC': { en: 'Synchronous RPC: the caller waits; simple but no parallelism', es: 'RPC síncrona: el llamante espera; sencilla pero sin paralelismo' },
  'RPC-ASYNC': { en: 'Asynchronous RPC: several calls outstanding, client and server work in parallel', es: 'RPC asíncrona: varias llamadas pendientes, cliente y servidor trabajan en paralelo' },
  'RPC-ORB': { en: 'Object request broker: a directory of remote services that calls the object for the client', es: 'Mediador de solicitudes de objetos: un directorio de servicios remotos que llama al objeto por el cliente' },

  'CL-SCALE-ABS': { en: 'Absolute scalability: a cluster can outgrow the largest single machine', es: 'Escalabilidad absoluta: un clúster puede superar a la mayor máquina individual' },
  'CL-SCALE-INC': { en: 'Incremental scalability: add nodes in small steps', es: 'Escalabilidad incremental: añadir nodos en pequeños pasos' },
  'CL-HA': { en: 'High availability: one node failing does not stop the service', es: 'Alta disponibilidad: el fallo de un nodo no detiene el servicio' },
  'CL-PRICE': { en: 'Price/performance from commodity building blocks', es: 'Relación precio/prestaciones con bloques de construcción comunes' },
  'CL-SPOF': { en: 'Single points of failure: a central dispatcher, a single interface to the outside', es: 'Puntos de fallo únicos: un distribuidor central, una única interfaz con el exterior' },
  'CL-NET-BOTTLENECK': { en: 'A slow interconnect becomes the bottleneck as nodes are added', es: 'Una interconexión lenta se vuelve el cuello de botella al añadir nodos' },
  'CL-CONFIG': { en: 'Configurations: shared disk vs no shared disk (standby server, shared disk)', es: 'Configuraciones: disco compartido o no compartido (servidor en espera, disco compartido)' },
  'CL-HA-VS-FT': { en: 'High-availability cluster vs fault-tolerant cluster', es: 'Clúster de alta disponibilidad frente a clúster tolerante a fallos' },
  'CL-FAILOVER': { en: 'Failover: application and data move from a failed node to another', es: 'Recuperación de fallos (failover): aplicación y datos pasan de un nodo caído a otro' },
  'CL-FAILBACK': { en: 'Failback to the repaired node; automatic only if the fault is really fixed', es: 'Restauración (failback) al nodo reparado; automática solo si el fallo está realmente resuelto' },
  'CL-LB': { en: 'Load balancing across all available nodes; new nodes included automatically', es: 'Equilibrado de carga entre todos los nodos disponibles; los nuevos se incluyen solos' },
  'CL-PAR-COMPILER': { en: 'A parallelizing compiler decides at compile time what runs in parallel', es: 'Un compilador paralelo decide en tiempo de compilación qué se ejecuta en paralelo' },
  'CL-PAR-APP': { en: 'Parallel applications written with message passing between nodes', es: 'Aplicaciones paralelas escritas con paso de mensajes entre nodos' },
  'CL-PARAMETRIC': { en: 'Parametric computing: the same job run many times with different parameters', es: 'Computación paramétrica: el mismo trabajo ejecutado muchas veces con distintos parámetros' },
  'CL-MIDDLEWARE': { en: 'Cluster middleware gives a single-system image and availability', es: 'El middleware del clúster da una imagen única del sistema y disponibilidad' },
  'CL-SSI': { en: 'Single entry point, file hierarchy, control point, network, memory, job system, interface, I/O and process space', es: 'Punto de entrada, jerarquía de ficheros, punto de control, red, memoria, control de trabajos, interfaz, E/S y espacio de procesos únicos' },
  'CL-CHECKPOINT': { en: 'Checkpoints save process state so work resumes after a failure', es: 'Los puntos de control guardan el estado del proceso para reanudar tras un fallo' },
  'CL-MIGRATION': { en: 'Process migration for load balancing', es: 'Migración de procesos para equilibrar la carga' },
  'CL-VS-SMP': { en: 'Cluster vs symmetric multiprocessor', es: 'Clúster frente a multiprocesador simétrico (SMP)' },

  'WCS-SHARED-NOTHING': { en: 'Each disk volume and resource owned by one node at a time', es: 'Cada volumen de disco y recurso pertenece a un solo nodo a la vez' },
  'WCS-SERVICE': { en: 'Cluster service: software on each node that manages cluster activity', es: 'Servicio de clúster: software en cada nodo que gestiona la actividad del clúster' },
  'WCS-RESOURCE': { en: 'Resources: disks, network cards, volumes, IP addresses, applications, databases', es: 'Recursos: discos, tarjetas de red, volúmenes, direcciones IP, aplicaciones, bases de datos' },
  'WCS-ONLINE': { en: 'A resource is online on a node when it provides service there', es: 'Un recurso está en línea en un nodo cuando da servicio allí' },
  'WCS-GROUP': { en: 'Group: resources managed as a unit; moving a group moves all its resources', es: 'Grupo: recursos gestionados como una unidad; mover el grupo mueve todos sus recursos' },
  'WCS-RESMON': { en: 'Resource monitor (resources as DLLs) talks to the cluster service by RPC', es: 'El monitor de recursos (recursos como DLL) habla con el servicio de clúster por RPC' },
  'WCS-NODEMGR': { en: 'Node manager: heartbeats, regroup on loss, a silent node removed and its groups moved', es: 'Gestor de nodos: latidos, reagrupamiento al perderlos, el nodo mudo sale y sus grupos se mueven' },
  'WCS-CONFIGDB': { en: 'Configuration database manager: replicated configuration kept consistent', es: 'Gestor de la base de datos de configuración: configuración replicada y coherente' },
  'WCS-FAILOVER-MGR': { en: 'Resource/failover manager: starts, resets and fails over groups', es: 'Gestor de recursos/recuperación: inicia, reinicia y recupera grupos' },
  'WCS-PREFERRED': { en: 'Preferred owner: after the owner restarts, the group moves back', es: 'Propietario preferido: cuando el propietario se reinicia, el grupo vuelve a él' },
  'WCS-EVENTS': { en: 'Event processor, communications manager, global update manager', es: 'Procesador de eventos, gestor de comunicaciones, gestor global de actualizaciones' },

  'SUN-SSI': { en: 'Solaris extensions: the cluster looks like one Solaris computer', es: 'Extensiones de Solaris: el clúster parece una única computadora Solaris' },
  'SUN-CORBA': { en: 'CORBA object model and IDL for inter-node interfaces and RPC', es: 'Modelo de objetos e IDL de CORBA para las interfaces entre nodos y las RPC' },
  'SUN-PROC': { en: 'Global process management: unique IDs, location known everywhere, migration', es: 'Gestión global de procesos: identificadores únicos, ubicación conocida en todas partes, migración' },
  'SUN-NET-OPTIONS': { en: 'Three networking designs: one node does all protocol work; one address per node; packet filter', es: 'Tres diseños de red: un nodo hace todo el protocolo; una dirección por nodo; filtro de paquetes' },
  'SUN-NET-FILTER': { en: 'Packet filter: incoming packets forwarded over the interconnect, connections balanced', es: 'Filtro de paquetes: los paquetes entrantes se reenvían por la interconexión y las conexiones se equilibran' },
  'SUN-GFS': { en: 'Global file system: the same path from any node, a proxy over the vnode interface', es: 'Sistema de ficheros global: la misma ruta desde cualquier nodo, un proxy sobre la interfaz nodo-v' },
  'SUN-VNODE': { en: 'vnode/VFS: one interface for every file system type', es: 'nodo-v/VFS: una sola interfaz para todo tipo de sistema de ficheros' },
  'SUN-CACHE': { en: 'Caching of file contents, directories and attributes to save remote invocations', es: 'Caché de contenidos, directorios y atributos para ahorrar invocaciones remotas' },

  'BEO-TRAITS': { en: 'Commodity parts, dedicated processors and network, no custom parts, free software', es: 'Componentes comunes, procesadores y red dedicados, sin piezas propias, software libre' },
  'BEO-LINUX': { en: 'Each node runs its own Linux kernel; global name spaces added', es: 'Cada nodo ejecuta su propio núcleo Linux; se añaden espacios de nombres globales' },
  'BEO-BPROC': { en: 'BProc: one process space across nodes, start processes on remote nodes', es: 'BProc: un espacio de procesos entre nodos, iniciar procesos en nodos remotos' },
  'BEO-BONDING': { en: 'Ethernet channel bonding: several networks as one, more bandwidth', es: 'Unión de canales Ethernet: varias redes como una, más ancho de banda' },
  'BEO-PVMSYNC': { en: 'Pvmsync: synchronisation and shared data across the cluster', es: 'Pvmsync: sincronización y datos compartidos en el clúster' },
  'BEO-ENFUZION': { en: 'EnFuzion: parametric jobs across the cluster', es: 'EnFuzion: trabajos paramétricos en el clúster' },
  'BEO-ETHERNET': { en: '10 Mbps, 100 Mbps, 1 Gbps Ethernet, one switch or several', es: 'Ethernet de 10 Mbps, 100 Mbps y 1 Gbps, uno o varios conmutadores' },
} as const satisfies Record<string, { en: string; es: string }>;

export type ConceptId = keyof typeof CONCEPTS;
export const CONCEPT_IDS = Object.keys(CONCEPTS) as ConceptId[];
