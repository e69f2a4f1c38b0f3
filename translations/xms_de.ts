<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ApiError</name>
    <message>
        <source>total volume size</source>
        <translation>Gesamtgröße der Volumes</translation>
    </message>
    <message>
        <source>total size of &apos;%1&apos; volumes</source>
        <translation>Gesamtgröße der &apos;%1&apos;-Volumes</translation>
    </message>
    <message>
        <source>number of volumes</source>
        <translation>Anzahl der Volumes</translation>
    </message>
    <message>
        <source>number of &apos;%1&apos; volumes</source>
        <translation>Anzahl der &apos;%1&apos;-Volumes</translation>
    </message>
    <message>
        <source>number of instances</source>
        <translation>Anzahl der Instanzen</translation>
    </message>
    <message>
        <source>number of vCPUs</source>
        <translation>Anzahl der vCPUs</translation>
    </message>
    <message>
        <source>memory (RAM)</source>
        <translation>Arbeitsspeicher (RAM)</translation>
    </message>
    <message>
        <source>number of ports</source>
        <translation>Anzahl der Ports</translation>
    </message>
    <message>
        <source>Could not %1: the project&apos;s quota is exceeded (%2). Free resources in the project or ask the cloud&apos;s administrator to raise the quota.</source>
        <translation>%1 war nicht möglich: Das Kontingent des Projekts ist überschritten (%2). Geben Sie Ressourcen im Projekt frei oder bitten Sie den Administrator der Cloud, das Kontingent zu erhöhen.</translation>
    </message>
    <message>
        <source>Could not %1: the project&apos;s quota for %2 (&apos;%3&apos;) is exceeded. %4 Free resources in the project or ask the cloud&apos;s administrator to raise the &apos;%3&apos; quota.</source>
        <translation>%1 war nicht möglich: Das Kontingent des Projekts für %2 (&apos;%3&apos;) ist überschritten. %4 Geben Sie Ressourcen im Projekt frei oder bitten Sie den Administrator der Cloud, das Kontingent &apos;%3&apos; zu erhöhen.</translation>
    </message>
    <message>
        <source>Xloud did not accept the login for %1 (HTTP 401). Check the cloud&apos;s credentials with &apos;xms cloud test&apos;.</source>
        <translation>Xloud hat die Anmeldung für %1 nicht akzeptiert (HTTP 401). Prüfen Sie die Zugangsdaten der Cloud mit „xms cloud test“.</translation>
    </message>
    <message>
        <source>Could not %1: custom MAC not allowed on this network for this user (Neutron allows it only on networks your project owns, or to administrators). Let Xloud choose the MAC address, or use a network of your project.</source>
        <translation>%1 war nicht möglich: Eine eigene MAC-Adresse ist in diesem Netzwerk für diesen Benutzer nicht erlaubt (Neutron erlaubt sie nur in Netzwerken Ihres Projekts oder Administratoren). Lassen Sie Xloud die MAC-Adresse wählen oder verwenden Sie ein Netzwerk Ihres Projekts.</translation>
    </message>
    <message>
        <source>Could not %1: a fixed IP address is not allowed on this network for this user. Let Xloud choose the address, or use a network of your project.</source>
        <translation>%1 war nicht möglich: Eine feste IP-Adresse ist in diesem Netzwerk für diesen Benutzer nicht erlaubt. Lassen Sie Xloud die Adresse wählen oder verwenden Sie ein Netzwerk Ihres Projekts.</translation>
    </message>
    <message>
        <source>Could not %1: the user is not allowed to (%2). Ask an administrator of the project for the permission.</source>
        <translation>%1 war nicht möglich: Der Benutzer darf das nicht (%2). Bitten Sie einen Administrator des Projekts um die Berechtigung.</translation>
    </message>
    <message>
        <source>Could not %1: %2</source>
        <translation>%1 war nicht möglich: %2</translation>
    </message>
    <message>
        <source>not found.</source>
        <translation>nicht gefunden.</translation>
    </message>
    <message>
        <source>Could not %1: the MAC address is already in use on this network. Free it (delete the port that has it) or let Xloud choose a new MAC address.</source>
        <translation>%1 war nicht möglich: Die MAC-Adresse wird in diesem Netzwerk bereits verwendet. Geben Sie sie frei (löschen Sie den Port, der sie hat) oder lassen Sie Xloud eine neue MAC-Adresse wählen.</translation>
    </message>
    <message>
        <source>Could not %1: the IP address is already in use on this subnet. Choose another address or let Xloud assign one.</source>
        <translation>%1 war nicht möglich: Die IP-Adresse wird in diesem Subnetz bereits verwendet. Wählen Sie eine andere Adresse oder lassen Sie Xloud eine zuweisen.</translation>
    </message>
    <message>
        <source>Could not %1 because of the object&apos;s current state: %2</source>
        <translation>%1 war wegen des aktuellen Zustands des Objekts nicht möglich: %2</translation>
    </message>
    <message>
        <source>Could not %1: %2 Choose one of the project&apos;s availability zones (&apos;xms cloud resources&apos;).</source>
        <translation>%1 war nicht möglich: %2 Wählen Sie eine der Verfügbarkeitszonen des Projekts („xms cloud resources“).</translation>
    </message>
    <message>
        <source>Xloud&apos;s %1 failed while trying to %2 (HTTP %3). Try again later; if it keeps failing, give the details to the cloud&apos;s administrator.</source>
        <translation>Der Dienst %1 von Xloud ist bei „%2“ gescheitert (HTTP %3). Versuchen Sie es später erneut; wenn es weiter scheitert, geben Sie die Details an den Administrator der Cloud.</translation>
    </message>
    <message>
        <source>Xloud refused to %1: %2</source>
        <translation>Xloud hat „%1“ abgelehnt: %2</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>Xloud&apos;s %1 did not answer in time while trying to %2. Check the network to the cloud and try again.</source>
        <translation>Der Dienst %1 von Xloud hat bei „%2“ nicht rechtzeitig geantwortet. Prüfen Sie das Netzwerk zur Cloud und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The TLS certificate of %1 is not trusted. Give the cloud&apos;s CA bundle (--ca-file) or, on a lab, disable verification (--no-verify-tls).</source>
        <translation>Dem TLS-Zertifikat von %1 wird nicht vertraut. Geben Sie das CA-Bündel der Cloud an (--ca-file) oder schalten Sie in einer Testumgebung die Prüfung ab (--no-verify-tls).</translation>
    </message>
    <message>
        <source>Could not reach Xloud&apos;s %1 at %2 to %3: %4. Check the URL and the network.</source>
        <translation>Der Dienst %1 von Xloud unter %2 war für „%3“ nicht erreichbar: %4. Prüfen Sie die URL und das Netzwerk.</translation>
    </message>
    <message>
        <source>The connection to Xloud&apos;s %1 broke before it answered while trying to %2. The request may have been carried out; XMS did not send it a second time.</source>
        <translation>Die Verbindung zum Dienst %1 von Xloud brach bei „%2“ ab, bevor er antwortete. Die Anfrage wurde möglicherweise ausgeführt; XMS hat sie kein zweites Mal gesendet.</translation>
    </message>
</context>
<context>
    <name>CredentialsDirectoryBackend</name>
    <message>
        <source> A worker started by systemd can be given it as the credential %1.</source>
        <translation> Ein von systemd gestarteter Worker kann es als Credential %1 erhalten.</translation>
    </message>
</context>
<context>
    <name>CurlTls</name>
    <message>
        <source>This libcurl is not built with OpenSSL, so certificates cannot be checked. Install libcurl4 (the OpenSSL flavour).</source>
        <translation>Diese libcurl ist nicht mit OpenSSL gebaut, daher können Zertifikate nicht geprüft werden. Installieren Sie libcurl4 (die OpenSSL-Variante).</translation>
    </message>
    <message>
        <source>No certificate fingerprint is pinned. Pin the server&apos;s SHA-1 or SHA-256 fingerprint.</source>
        <translation>Es ist kein Zertifikats-Fingerabdruck festgelegt. Legen Sie den SHA-1- oder SHA-256-Fingerabdruck des Servers fest.</translation>
    </message>
    <message>
        <source>The CA file %1 cannot be read. Choose an existing PEM file.</source>
        <translation>Die CA-Datei %1 kann nicht gelesen werden. Wählen Sie eine vorhandene PEM-Datei.</translation>
    </message>
    <message>
        <source>This libcurl cannot check certificate fingerprints.</source>
        <translation>Diese libcurl kann keine Zertifikats-Fingerabdrücke prüfen.</translation>
    </message>
</context>
<context>
    <name>CurlTransfer</name>
    <message>
        <source>The server cannot resume this download; start it from the beginning.</source>
        <translation>Der Server kann diesen Download nicht fortsetzen; starten Sie ihn von vorn.</translation>
    </message>
    <message>
        <source>Could not start a transfer (libcurl).</source>
        <translation>Eine Übertragung konnte nicht gestartet werden (libcurl).</translation>
    </message>
    <message>
        <source>Refused to send the session cookie to %1 over plain http. The server must offer this transfer over https.</source>
        <translation>Das Sitzungscookie wird nicht unverschlüsselt per http an %1 gesendet. Der Server muss diese Übertragung über https anbieten.</translation>
    </message>
</context>
<context>
    <name>FileUploadSource</name>
    <message>
        <source>Could not read %1 for the upload. Check the staging disk.</source>
        <translation>%1 konnte für das Hochladen nicht gelesen werden. Prüfen Sie den Zwischenspeicher-Datenträger.</translation>
    </message>
    <message>
        <source>Could not open %1 for upload. Check that it exists and is readable.</source>
        <translation>%1 konnte nicht zum Hochladen geöffnet werden. Prüfen Sie, ob die Datei existiert und lesbar ist.</translation>
    </message>
</context>
<context>
    <name>Guest</name>
    <message>
        <source>This workstation has no Linux kernel in %1, and libguestfs builds its helper appliance from it. Install one (Debian/Ubuntu: apt-get install linux-image-generic or linux-image-amd64), then run %2.</source>
        <translation>Diese Workstation hat keinen Linux-Kernel in %1, und libguestfs baut daraus seine Hilfs-Appliance. Installieren Sie einen (Debian/Ubuntu: apt-get install linux-image-generic oder linux-image-amd64) und führen Sie dann %2 aus.</translation>
    </message>
    <message>
        <source>The kernels in %1 are not readable by this user, and libguestfs needs to read one. Make them readable (sudo chmod 0644 %1/vmlinuz-*), then run %2.</source>
        <translation>Die Kernel in %1 sind für diesen Benutzer nicht lesbar, libguestfs muss aber einen lesen. Machen Sie sie lesbar (sudo chmod 0644 %1/vmlinuz-*) und führen Sie dann %2 aus.</translation>
    </message>
    <message>
        <source>Run libguestfs-test-tool to see why libguestfs cannot start (on hosts where /dev/kvm exists but fails, set LIBGUESTFS_BACKEND_SETTINGS=force_tcg).</source>
        <translation>Führen Sie libguestfs-test-tool aus, um zu sehen, warum libguestfs nicht startet (auf Hosts, auf denen /dev/kvm existiert, aber versagt, setzen Sie LIBGUESTFS_BACKEND_SETTINGS=force_tcg).</translation>
    </message>
    <message>
        <source>No operating system</source>
        <translation>Kein Betriebssystem</translation>
    </message>
    <message>
        <source>VMware tools installed</source>
        <translation>VMware Tools installiert</translation>
    </message>
    <message>
        <source>The VM is set to UEFI but its disks have no EFI system partition; the target will use UEFI as configured. If it does not boot, switch the VM to BIOS and migrate again.</source>
        <translation>Die VM ist auf UEFI eingestellt, aber ihre Festplatten haben keine EFI-Systempartition; das Ziel verwendet wie eingestellt UEFI. Startet es nicht, stellen Sie die VM auf BIOS um und migrieren Sie erneut.</translation>
    </message>
    <message>
        <source>The VM is set to BIOS but its disks have an EFI system partition; the target will use BIOS as configured. If it does not boot, set the VM&apos;s firmware to EFI and migrate again.</source>
        <translation>Die VM ist auf BIOS eingestellt, aber ihre Festplatten haben eine EFI-Systempartition; das Ziel verwendet wie eingestellt BIOS. Startet es nicht, stellen Sie die Firmware der VM auf EFI um und migrieren Sie erneut.</translation>
    </message>
    <message>
        <source>The stored inspection result is incomplete; run Inspect again.</source>
        <translation>Das gespeicherte Untersuchungsergebnis ist unvollständig; führen Sie „Inspect“ erneut aus.</translation>
    </message>
    <message numerus="yes">
        <source>%n operating systems were found; the first (%1) is treated as the one that boots.</source>
        <translation>
            <numerusform>%n Betriebssystem wurde gefunden; das erste (%1) gilt als das startende.</numerusform>
            <numerusform>%n Betriebssysteme wurden gefunden; das erste (%1) gilt als das startende.</numerusform>
        </translation>
    </message>
    <message>
        <source>Inspection failed unexpectedly.</source>
        <translation>Die Untersuchung ist unerwartet fehlgeschlagen.</translation>
    </message>
    <message>
        <source>virt-v2v found no operating system on the VM&apos;s disks, so there is nothing to make bootable. Check that the VM&apos;s boot disk was exported and that its disks are complete; a VM with only data disks cannot be converted.</source>
        <translation>virt-v2v hat auf den Festplatten der VM kein Betriebssystem gefunden, es gibt also nichts startfähig zu machen. Prüfen Sie, ob die Startfestplatte der VM exportiert wurde und ihre Festplatten vollständig sind; eine VM mit nur Datenfestplatten kann nicht konvertiert werden.</translation>
    </message>
    <message>
        <source>Windows on this VM is hibernated or uses Fast Startup, so its disk cannot be changed. Power the source VM on, turn Fast Startup off (Control Panel &gt; Power Options &gt; Choose what the power buttons do &gt; untick &quot;Turn on fast startup&quot;), shut Windows down fully (shutdown /s /t 0), then migrate again.</source>
        <translation>Windows auf dieser VM ist im Ruhezustand oder nutzt den Schnellstart, daher kann seine Festplatte nicht geändert werden. Schalten Sie die Quell-VM ein, deaktivieren Sie den Schnellstart (Systemsteuerung &gt; Energieoptionen &gt; Auswählen, was beim Drücken von Netzschaltern geschehen soll &gt; „Schnellstart aktivieren“ abwählen), fahren Sie Windows vollständig herunter (shutdown /s /t 0) und migrieren Sie dann erneut.</translation>
    </message>
    <message>
        <source>The guest has too little free space for the conversion: %1. virt-v2v needs about 100 MB free on / (Windows: C:), 50 MB on /boot and 10 MB on other file systems. Free space in the guest (or grow its disk) on the source VM, then migrate again.</source>
        <translation>Der Gast hat zu wenig freien Platz für die Konvertierung: %1. virt-v2v braucht etwa 100 MB frei auf / (Windows: C:), 50 MB auf /boot und 10 MB auf anderen Dateisystemen. Schaffen Sie auf der Quell-VM Platz im Gast (oder vergrößern Sie die Festplatte) und migrieren Sie dann erneut.</translation>
    </message>
    <message>
        <source>This workstation ran out of disk space during the conversion. Free space in the staging directory (and in the libguestfs cache), then retry.</source>
        <translation>Dieser Workstation ist während der Konvertierung der Speicherplatz ausgegangen. Schaffen Sie Platz im Zwischenablageverzeichnis (und im libguestfs-Cache) und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The VM&apos;s disks hold several operating systems (multi-boot), which virt-v2v cannot convert. Remove the extra operating systems on the source VM, then migrate again.</source>
        <translation>Die Festplatten der VM enthalten mehrere Betriebssysteme (Multi-Boot), die virt-v2v nicht konvertieren kann. Entfernen Sie die zusätzlichen Betriebssysteme auf der Quell-VM und migrieren Sie dann erneut.</translation>
    </message>
    <message>
        <source>Converting Windows needs rhsrvany.exe (or pvvxsvc.exe), which this workstation lacks. Build or download rhsrvany (https://github.com/rwmjones/rhsrvany), put it in a directory and set VIRT_TOOLS_DATA_DIR to that directory, then retry.</source>
        <translation>Zum Konvertieren von Windows wird rhsrvany.exe (oder pvvxsvc.exe) benötigt, das dieser Workstation fehlt. Bauen oder laden Sie rhsrvany (https://github.com/rwmjones/rhsrvany), legen Sie es in ein Verzeichnis, setzen Sie VIRT_TOOLS_DATA_DIR auf dieses Verzeichnis und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The virtio-win drivers could not be used. Point the virtio-win setting (or --virtio-win) at a complete virtio-win ISO from https://fedorapeople.org/groups/virt/virtio-win/direct-downloads/, then retry.</source>
        <translation>Die virtio-win-Treiber konnten nicht verwendet werden. Lassen Sie die Einstellung virtio-win (oder --virtio-win) auf ein vollständiges virtio-win-ISO von https://fedorapeople.org/groups/virt/virtio-win/direct-downloads/ zeigen und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>virt-v2v cannot convert this guest operating system. Supported are RHEL/CentOS/Rocky/Alma, Fedora, SLES/openSUSE, Debian 6+, Ubuntu 10.04+ and Windows 7/2008 R2 or later with a virtio-win ISO.</source>
        <translation>virt-v2v kann dieses Gastbetriebssystem nicht konvertieren. Unterstützt werden RHEL/CentOS/Rocky/Alma, Fedora, SLES/openSUSE, Debian 6+, Ubuntu 10.04+ und Windows 7/2008 R2 oder neuer mit einem virtio-win-ISO.</translation>
    </message>
    <message>
        <source>virt-v2v found no GRUB configuration in the guest. It looks in /boot on BIOS guests and for EFI/&lt;name&gt;/grub.cfg on the EFI system partition of UEFI guests, which a boot loader installed only at the removable path EFI/BOOT lacks. Reinstall the distribution&apos;s boot loader in the guest on the source VM (Debian/Ubuntu: apt-get install shim-signed grub-efi-amd64-signed, then grub-install and update-grub), then migrate again.</source>
        <translation>virt-v2v hat im Gast keine GRUB-Konfiguration gefunden. Es sucht bei BIOS-Gästen in /boot und bei UEFI-Gästen nach EFI/&lt;Name&gt;/grub.cfg auf der EFI-Systempartition, das einem nur unter dem Wechselmedien-Pfad EFI/BOOT installierten Bootloader fehlt. Installieren Sie den Bootloader der Distribution im Gast auf der Quell-VM neu (Debian/Ubuntu: apt-get install shim-signed grub-efi-amd64-signed, dann grub-install und update-grub) und migrieren Sie dann erneut.</translation>
    </message>
    <message>
        <source>virt-v2v found no kernel in the guest&apos;s boot loader configuration. Make sure the guest boots normally on the source VM (its kernel installed and listed by the boot loader), then migrate again.</source>
        <translation>virt-v2v hat in der Bootloader-Konfiguration des Gastes keinen Kernel gefunden. Stellen Sie sicher, dass der Gast auf der Quell-VM normal startet (Kernel installiert und vom Bootloader aufgeführt), und migrieren Sie dann erneut.</translation>
    </message>
    <message>
        <source>virt-v2v needs nbdkit and nbdcopy, which are missing. Install them (Debian: apt-get install nbdkit libnbd-bin), then retry.</source>
        <translation>virt-v2v braucht nbdkit und nbdcopy, die fehlen. Installieren Sie sie (Debian: apt-get install nbdkit libnbd-bin) und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>libguestfs could not start its helper appliance for virt-v2v. </source>
        <translation>libguestfs konnte seine Hilfs-Appliance für virt-v2v nicht starten. </translation>
    </message>
    <message>
        <source>A disk filled up during the conversion: a file system in the guest, or the staging directory or libguestfs cache on this workstation. Free space there, then retry.</source>
        <translation>Während der Konvertierung ist ein Datenträger vollgelaufen: ein Dateisystem im Gast oder das Zwischenablageverzeichnis oder der libguestfs-Cache auf dieser Workstation. Schaffen Sie dort Platz und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>virt-v2v could not read the guest&apos;s package database. Check the guest&apos;s package manager on the source VM (e.g. dpkg --audit / rpm --verifydb), then retry.</source>
        <translation>virt-v2v konnte die Paketdatenbank des Gastes nicht lesen. Prüfen Sie die Paketverwaltung des Gastes auf der Quell-VM (z. B. dpkg --audit / rpm --verifydb) und versuchen Sie es erneut.</translation>
    </message>
</context>
<context>
    <name>JobControl</name>
    <message>
        <source>Job %1 already ended (%2); nothing to cancel.</source>
        <translation>Auftrag %1 ist bereits beendet (%2); es gibt nichts abzubrechen.</translation>
    </message>
    <message>
        <source>Cancelled while queued</source>
        <translation>In der Warteschlange abgebrochen</translation>
    </message>
    <message>
        <source>Only a Failed or Cancelled job can be retried; job %1 is %2.</source>
        <translation>Nur ein fehlgeschlagener oder abgebrochener Auftrag kann wiederholt werden; Auftrag %1 ist %2.</translation>
    </message>
    <message>
        <source>Only a Failed or Cancelled job&apos;s cleanup can be run again; job %1 is %2.</source>
        <translation>Nur die Bereinigung eines fehlgeschlagenen oder abgebrochenen Auftrags kann erneut laufen; Auftrag %1 ist %2.</translation>
    </message>
    <message>
        <source>Removing what this job created in Xloud, again</source>
        <translation>Erneutes Entfernen dessen, was dieser Auftrag in Xloud angelegt hat</translation>
    </message>
    <message>
        <source>Everything this job created in Xloud is deleted</source>
        <translation>Alles, was dieser Auftrag in Xloud angelegt hat, ist gelöscht</translation>
    </message>
</context>
<context>
    <name>JobStore</name>
    <message>
        <source>There is no migration job &apos;%1&apos;. See &apos;xms migration list&apos; for the jobs that exist.</source>
        <translation>Es gibt keinen Migrationsauftrag &apos;%1&apos;. „xms migration list“ zeigt die vorhandenen Aufträge.</translation>
    </message>
    <message>
        <source>Waiting for a worker slot</source>
        <translation>Warte auf einen freien Worker-Platz</translation>
    </message>
    <message>
        <source>More than one job starts with &apos;%1&apos;. Give more of the id.</source>
        <translation>Mehr als ein Auftrag beginnt mit &apos;%1&apos;. Geben Sie mehr von der ID an.</translation>
    </message>
    <message>
        <source>Job %1 is being run by worker %2; only that worker can change it now. Cancel it, or wait until it ends.</source>
        <translation>Auftrag %1 wird von Worker %2 ausgeführt; nur dieser Worker kann ihn jetzt ändern. Brechen Sie ihn ab oder warten Sie, bis er endet.</translation>
    </message>
    <message>
        <source>This worker no longer owns job %1: its lease expired (the process was paused, or could not reach the database, for longer than the lease) and the job is left to the worker that recovers it.</source>
        <translation>Dieser Worker besitzt Auftrag %1 nicht mehr: seine Lease ist abgelaufen (der Prozess war länger als die Lease angehalten oder ohne Verbindung zur Datenbank), und der Auftrag bleibt dem Worker überlassen, der ihn wiederherstellt.</translation>
    </message>
    <message>
        <source>Job %1 is not a Failed or Cancelled job that no worker holds; only such a job can be queued again.</source>
        <translation>Auftrag %1 ist kein fehlgeschlagener oder abgebrochener Auftrag ohne Worker; nur ein solcher Auftrag kann erneut eingereiht werden.</translation>
    </message>
</context>
<context>
    <name>KeptStaging</name>
    <message>
        <source>Job %1 is %2: only a Failed job&apos;s kept disks can be discarded.</source>
        <translation>Auftrag %1 ist %2: Nur die aufbewahrten Festplatten eines fehlgeschlagenen Auftrags können verworfen werden.</translation>
    </message>
    <message>
        <source>Job %1 keeps no converted disks; there is nothing to discard.</source>
        <translation>Auftrag %1 bewahrt keine umgestellten Festplatten auf; es gibt nichts zu verwerfen.</translation>
    </message>
    <message>
        <source>The operator discarded the converted disks</source>
        <translation>Die umgestellten Festplatten wurden vom Bediener verworfen</translation>
    </message>
    <message>
        <source>%1; %2 MiB freed. A retry starts from Export.</source>
        <translation>%1; %2 MiB freigegeben. Eine Wiederholung beginnt beim Export.</translation>
    </message>
    <message numerus="yes">
        <source>The converted disks kept for a retry were unused for %n day(s) and are discarded</source>
        <translation>
            <numerusform>Die für eine Wiederholung aufbewahrten umgestellten Festplatten wurden %n Tag lang nicht genutzt und werden verworfen</numerusform>
            <numerusform>Die für eine Wiederholung aufbewahrten umgestellten Festplatten wurden %n Tage lang nicht genutzt und werden verworfen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MigrationDraft</name>
    <message>
        <source>Choose at least one VM on the Workload page.</source>
        <translation>Wählen Sie auf der Seite „Workload“ mindestens eine VM aus.</translation>
    </message>
    <message>
        <source>Two VMs would get the instance name %1: give each a different name.</source>
        <translation>Zwei VMs würden den Instanznamen %1 erhalten: Geben Sie jeder einen anderen Namen.</translation>
    </message>
    <message>
        <source>%1 vCPU &lt; %2</source>
        <translation>%1 vCPU &lt; %2</translation>
    </message>
    <message>
        <source>%1 MiB RAM &lt; %2</source>
        <translation>%1 MiB RAM &lt; %2</translation>
    </message>
    <message>
        <source>Too small for the source VM: %1.</source>
        <translation>Zu klein für die Quell-VM: %1.</translation>
    </message>
</context>
<context>
    <name>Profiles</name>
    <message>
        <source>A profile named %1 exists already.</source>
        <translation>Ein Profil namens %1 gibt es bereits.</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>%1 kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Cannot read %1.</source>
        <translation>%1 kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>%1 is not a profile file (JSON object expected).</source>
        <translation>%1 ist keine Profildatei (JSON-Objekt erwartet).</translation>
    </message>
    <message>
        <source>The file names no profile; give it a name.</source>
        <translation>Die Datei nennt kein Profil; geben Sie ihm einen Namen.</translation>
    </message>
    <message>
        <source>This is not a network-mapping profile: it has no &quot;networks&quot; list.</source>
        <translation>Dies ist kein Netzwerkzuordnungsprofil: Es hat keine Liste „networks“.</translation>
    </message>
    <message>
        <source>Every entry of a profile needs &quot;source_network&quot; and &quot;target_network&quot;.</source>
        <translation>Jeder Eintrag eines Profils braucht „source_network“ und „target_network“.</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>No secret is stored for %1 in the keychain. Set it again (for example with &apos;set-password&apos;).</source>
        <translation>Für %1 ist kein Geheimnis im Schlüsselbund gespeichert. Legen Sie es erneut fest (zum Beispiel mit „set-password“).</translation>
    </message>
    <message>
        <source>The keychain refused access. Unlock your keyring and try again.</source>
        <translation>Der Schlüsselbund hat den Zugriff verweigert. Entsperren Sie Ihren Schlüsselbund und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>No keychain is available, so passwords cannot be stored or read. Start a Secret Service provider such as GNOME Keyring (gnome-keyring-daemon --unlock --components=secrets) or KWallet in your desktop session, then try again.</source>
        <translation>Es ist kein Schlüsselbund verfügbar, daher können Passwörter weder gespeichert noch gelesen werden. Starten Sie in Ihrer Desktop-Sitzung einen Secret-Service-Anbieter wie GNOME Keyring (gnome-keyring-daemon --unlock --components=secrets) oder KWallet und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The XMS database could not be updated. Check that its directory is writable.</source>
        <translation>Die XMS-Datenbank konnte nicht aktualisiert werden. Prüfen Sie, ob ihr Verzeichnis beschreibbar ist.</translation>
    </message>
    <message>
        <source>The XMS database cannot be read.</source>
        <translation>Die XMS-Datenbank kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>This database was written by a newer XMS (schema %1; this build knows %2). Update XMS, or point XMS_HOME at another directory.</source>
        <translation>Diese Datenbank wurde von einem neueren XMS geschrieben (Schema %1; dieser Build kennt %2). Aktualisieren Sie XMS oder lassen Sie XMS_HOME auf ein anderes Verzeichnis zeigen.</translation>
    </message>
    <message>
        <source>The XMS database could not be updated.</source>
        <translation>Die XMS-Datenbank konnte nicht aktualisiert werden.</translation>
    </message>
    <message>
        <source>%1:%2 presented no certificate to pin.</source>
        <translation>%1:%2 hat kein Zertifikat zum Festlegen vorgelegt.</translation>
    </message>
    <message>
        <source>There is no datacenter &apos;%1&apos; on this server. Datacenters: %2.</source>
        <translation>Auf diesem Server gibt es kein Rechenzentrum &apos;%1&apos;. Rechenzentren: %2.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>%1 VMs are named &apos;%2&apos;. Name one by its id instead: %3.</source>
        <translation>%1 VMs heißen &apos;%2&apos;. Nennen Sie stattdessen eine über ihre ID: %3.</translation>
    </message>
    <message>
        <source> in datacenter %1</source>
        <translation> im Rechenzentrum %1</translation>
    </message>
    <message>
        <source>There is no VM &apos;%1&apos;%2. Check the name in a refreshed inventory.</source>
        <translation>Es gibt keine VM &apos;%1&apos;%2. Prüfen Sie den Namen in einem aktualisierten Inventar.</translation>
    </message>
    <message>
        <source>The inventory cache %1 cannot be written. Check the disk and its permissions.</source>
        <translation>Der Inventar-Cache %1 kann nicht geschrieben werden. Prüfen Sie den Datenträger und seine Berechtigungen.</translation>
    </message>
    <message>
        <source>The vSphere session has expired or was closed. Connect again.</source>
        <translation>Die vSphere-Sitzung ist abgelaufen oder wurde geschlossen. Verbinden Sie sich erneut.</translation>
    </message>
    <message>
        <source>The vSphere object %1 no longer exists. Refresh the inventory.</source>
        <translation>Das vSphere-Objekt %1 existiert nicht mehr. Aktualisieren Sie das Inventar.</translation>
    </message>
    <message>
        <source>vSphere did not return the inventory view it was asked for.</source>
        <translation>vSphere hat die angeforderte Inventaransicht nicht geliefert.</translation>
    </message>
    <message>
        <source>%1 has no vSphere API at /sdk. Check the host and port.</source>
        <translation>%1 hat keine vSphere-API unter /sdk. Prüfen Sie Host und Port.</translation>
    </message>
    <message>
        <source>The vSphere API on %1 is not available right now (it may be starting). Try again in a few minutes.</source>
        <translation>Die vSphere-API auf %1 ist gerade nicht verfügbar (sie startet vielleicht). Versuchen Sie es in ein paar Minuten erneut.</translation>
    </message>
    <message>
        <source>%1 answered with HTTP %2 instead of a vSphere response. Check the host and port.</source>
        <translation>%1 hat mit HTTP %2 statt mit einer vSphere-Antwort geantwortet. Prüfen Sie Host und Port.</translation>
    </message>
    <message>
        <source>The host name %1 could not be resolved. Check the spelling and DNS.</source>
        <translation>Der Hostname %1 konnte nicht aufgelöst werden. Prüfen Sie Schreibweise und DNS.</translation>
    </message>
    <message>
        <source>%1 refused the connection. Check the host and port, and that vCenter is running.</source>
        <translation>%1 hat die Verbindung abgelehnt. Prüfen Sie Host und Port und ob vCenter läuft.</translation>
    </message>
    <message>
        <source>%1 did not answer in time. Check the network path to it.</source>
        <translation>%1 hat nicht rechtzeitig geantwortet. Prüfen Sie den Netzwerkweg dorthin.</translation>
    </message>
    <message>
        <source>%1 closed the connection unexpectedly. Check that the port serves HTTPS.</source>
        <translation>%1 hat die Verbindung unerwartet geschlossen. Prüfen Sie, ob der Port HTTPS anbietet.</translation>
    </message>
    <message>
        <source>The TLS handshake with %1 failed. Check that the port serves HTTPS.</source>
        <translation>Der TLS-Handshake mit %1 ist fehlgeschlagen. Prüfen Sie, ob der Port HTTPS anbietet.</translation>
    </message>
    <message>
        <source>Could not talk to %1. Check the network path to it.</source>
        <translation>Keine Verbindung zu %1 möglich. Prüfen Sie den Netzwerkweg dorthin.</translation>
    </message>
    <message>
        <source>The server&apos;s answer is not a vSphere SOAP response. Check that the host and port point at a vCenter Server or ESXi host.</source>
        <translation>Die Antwort des Servers ist keine vSphere-SOAP-Antwort. Prüfen Sie, ob Host und Port auf einen vCenter Server oder ESXi-Host zeigen.</translation>
    </message>
    <message>
        <source>vSphere rejected the user name or password. Check both and set the password again.</source>
        <translation>vSphere hat Benutzername oder Passwort abgelehnt. Prüfen Sie beides und legen Sie das Passwort erneut fest.</translation>
    </message>
    <message>
        <source>The vSphere user lacks the privilege %1. Ask the vSphere administrator to grant it.</source>
        <translation>Dem vSphere-Benutzer fehlt das Recht %1. Bitten Sie den vSphere-Administrator, es zu gewähren.</translation>
    </message>
    <message>
        <source>The VM is %1 but this needs it %2. Check its power state and try again.</source>
        <translation>Die VM ist %1, dafür muss sie aber %2 sein. Prüfen Sie ihren Stromzustand und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>in another power state</source>
        <translation>in einem anderen Stromzustand</translation>
    </message>
    <message>
        <source>The vSphere object no longer exists (it was deleted or moved). Refresh the inventory and try again.</source>
        <translation>Das vSphere-Objekt existiert nicht mehr (es wurde gelöscht oder verschoben). Aktualisieren Sie das Inventar und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>vSphere cannot do this in the object&apos;s current state. Wait for other operations on it to finish, then try again.</source>
        <translation>vSphere kann dies im aktuellen Zustand des Objekts nicht tun. Warten Sie, bis andere Vorgänge daran beendet sind, und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Another vSphere task is running on this VM. Wait for it to finish, then try again.</source>
        <translation>Auf dieser VM läuft eine andere vSphere-Aufgabe. Warten Sie, bis sie beendet ist, und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>VMware Tools are not running in the guest, so it cannot be shut down gracefully.</source>
        <translation>Im Gast laufen keine VMware Tools, daher kann er nicht geordnet heruntergefahren werden.</translation>
    </message>
    <message>
        <source>vSphere could not access a file of the VM. Check its datastore in vSphere.</source>
        <translation>vSphere konnte auf eine Datei der VM nicht zugreifen. Prüfen Sie ihren Datenspeicher in vSphere.</translation>
    </message>
    <message>
        <source>The vSphere operation was cancelled.</source>
        <translation>Der vSphere-Vorgang wurde abgebrochen.</translation>
    </message>
    <message>
        <source>vSphere did not understand a request from XMS. This is a bug or an unsupported vSphere version; report it with the detail.</source>
        <translation>vSphere hat eine Anfrage von XMS nicht verstanden. Das ist ein Fehler oder eine nicht unterstützte vSphere-Version; melden Sie es mit den Details.</translation>
    </message>
    <message>
        <source>This vSphere server does not support the operation.</source>
        <translation>Dieser vSphere-Server unterstützt den Vorgang nicht.</translation>
    </message>
    <message>
        <source>vCenter cannot reach the ESXi host of the VM. Check the host in vSphere.</source>
        <translation>vCenter erreicht den ESXi-Host der VM nicht. Prüfen Sie den Host in vSphere.</translation>
    </message>
    <message>
        <source>vSphere reported an error: %1</source>
        <translation>vSphere hat einen Fehler gemeldet: %1</translation>
    </message>
    <message>
        <source>The CA file %1 cannot be read or holds no PEM certificate. Fix the path or choose another way to trust the server.</source>
        <translation>Die CA-Datei %1 kann nicht gelesen werden oder enthält kein PEM-Zertifikat. Korrigieren Sie den Pfad oder wählen Sie einen anderen Weg, dem Server zu vertrauen.</translation>
    </message>
    <message>
        <source>The TLS certificate of %1 is not trusted. If these fingerprints are the server&apos;s (ask its administrator), pin the certificate:
%2</source>
        <translation>Dem TLS-Zertifikat von %1 wird nicht vertraut. Wenn diese Fingerabdrücke die des Servers sind (fragen Sie seinen Administrator), legen Sie das Zertifikat fest:
%2</translation>
    </message>
    <message>
        <source>The TLS certificate of %1 does not match the pinned fingerprint: the server&apos;s certificate changed, or something intercepts the connection. Only if the change is expected, pin the new certificate:
%2</source>
        <translation>Das TLS-Zertifikat von %1 passt nicht zum festgelegten Fingerabdruck: Das Zertifikat des Servers hat sich geändert, oder etwas fängt die Verbindung ab. Nur wenn die Änderung erwartet ist, legen Sie das neue Zertifikat fest:
%2</translation>
    </message>
    <message>
        <source>The server sent a response that is not valid vSphere SOAP. Check that the host and port point at a vCenter Server or ESXi host.</source>
        <translation>Der Server hat eine Antwort gesendet, die kein gültiges vSphere-SOAP ist. Prüfen Sie, ob Host und Port auf einen vCenter Server oder ESXi-Host zeigen.</translation>
    </message>
    <message>
        <source>The XMS database is locked or cannot be written.</source>
        <translation>Die XMS-Datenbank ist gesperrt oder kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Could not save the job store choice in %1. Check that the directory is writable.</source>
        <translation>Die Wahl des Auftragsspeichers konnte nicht in %1 gespeichert werden. Prüfen Sie, ob das Verzeichnis beschreibbar ist.</translation>
    </message>
</context>
<context>
    <name>Qcow2Stream</name>
    <message>
        <source>%1 as qcow2</source>
        <translation>%1 als qcow2</translation>
    </message>
    <message>
        <source>Could not read %1. Check the staging disk.</source>
        <translation>%1 konnte nicht gelesen werden. Prüfen Sie den Zwischenspeicher-Datenträger.</translation>
    </message>
    <message>
        <source>Could not map the data of %1. Check the staging disk.</source>
        <translation>Die belegten Bereiche von %1 konnten nicht ermittelt werden. Prüfen Sie den Zwischenspeicher-Datenträger.</translation>
    </message>
</context>
<context>
    <name>ReportRenderer</name>
    <message>
        <source>Stage timeline: %1 in all</source>
        <translation>Phasenverlauf: insgesamt %1</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>XMS migration report: %1</source>
        <translation>XMS-Migrationsbericht: %1</translation>
    </message>
    <message>
        <source>Job %1 · generated %2</source>
        <translation>Auftrag %1 · erstellt %2</translation>
    </message>
    <message>
        <source>HTML report (*.html *.htm)</source>
        <translation>HTML-Bericht (*.html *.htm)</translation>
    </message>
    <message>
        <source>JSON report (*.json)</source>
        <translation>JSON-Bericht (*.json)</translation>
    </message>
    <message>
        <source>Text report (*.txt)</source>
        <translation>Textbericht (*.txt)</translation>
    </message>
    <message>
        <source>Cannot write the report to %1. Choose a folder you can write to.</source>
        <translation>Der Bericht kann nicht nach %1 geschrieben werden. Wählen Sie einen Ordner, in den Sie schreiben dürfen.</translation>
    </message>
    <message>
        <source>debug</source>
        <translation>Debug</translation>
    </message>
    <message>
        <source>info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>%1 during %2</source>
        <translation>%1 während %2</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Auftrag</translation>
    </message>
    <message>
        <source>Source VM</source>
        <translation>Quell-VM</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Flavor, volume type</source>
        <translation>Flavor, Volume-Typ</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Eingereicht</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>Elapsed (final attempt)</source>
        <translation>Dauer (letzter Versuch)</translation>
    </message>
    <message>
        <source>Instance</source>
        <translation>Instanz</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Report generated</source>
        <translation>Bericht erstellt</translation>
    </message>
    <message>
        <source>Export did not discover the VM in this job.</source>
        <translation>Der Export hat die VM in diesem Auftrag nicht ermittelt.</translation>
    </message>
    <message>
        <source> (Secure Boot)</source>
        <translation> (Secure Boot)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Guest OS</source>
        <translation>Gastbetriebssystem</translation>
    </message>
    <message>
        <source>Firmware</source>
        <translation>Firmware</translation>
    </message>
    <message>
        <source>CPUs</source>
        <translation>CPUs</translation>
    </message>
    <message>
        <source>%1 (%2 per socket)</source>
        <translation>%1 (%2 pro Sockel)</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Arbeitsspeicher</translation>
    </message>
    <message>
        <source>Hardware version</source>
        <translation>Hardwareversion</translation>
    </message>
    <message>
        <source>ESXi host</source>
        <translation>ESXi-Host</translation>
    </message>
    <message>
        <source>Hostname (VMware Tools)</source>
        <translation>Hostname (VMware Tools)</translation>
    </message>
    <message>
        <source>Instance UUID</source>
        <translation>Instanz-UUID</translation>
    </message>
    <message>
        <source>Disks</source>
        <translation>Festplatten</translation>
    </message>
    <message>
        <source>Disk</source>
        <translation>Festplatte</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Kapazität</translation>
    </message>
    <message>
        <source>Controller</source>
        <translation>Controller</translation>
    </message>
    <message>
        <source>Provisioning</source>
        <translation>Bereitstellung</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Modus</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>No disks are known.</source>
        <translation>Keine Festplatten bekannt.</translation>
    </message>
    <message>
        <source>Network adapters</source>
        <translation>Netzwerkadapter</translation>
    </message>
    <message>
        <source>Adapter</source>
        <translation>Adapter</translation>
    </message>
    <message>
        <source>MAC</source>
        <translation>MAC</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Netzwerk</translation>
    </message>
    <message>
        <source>Addresses</source>
        <translation>Adressen</translation>
    </message>
    <message>
        <source>Gateway</source>
        <translation>Gateway</translation>
    </message>
    <message>
        <source>DNS</source>
        <translation>DNS</translation>
    </message>
    <message>
        <source>No network adapters are known.</source>
        <translation>Keine Netzwerkadapter bekannt.</translation>
    </message>
    <message>
        <source>(not reported)</source>
        <translation>(nicht gemeldet)</translation>
    </message>
    <message>
        <source>Preflight at submit: %1</source>
        <translation>Vorabprüfung beim Einreichen: %1</translation>
    </message>
    <message>
        <source>Preflight at submit</source>
        <translation>Vorabprüfung beim Einreichen</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Urteil</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>Fix</source>
        <translation>Abhilfe</translation>
    </message>
    <message>
        <source>No preflight is stored with this job (it was submitted without one).</source>
        <translation>Zu diesem Auftrag ist keine Vorabprüfung gespeichert (er wurde ohne eingereicht).</translation>
    </message>
    <message>
        <source>Stage timeline</source>
        <translation>Phasenverlauf</translation>
    </message>
    <message>
        <source>Attempt</source>
        <translation>Versuch</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Ende</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>Bytes</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Rate</translation>
    </message>
    <message>
        <source>did not run</source>
        <translation>nicht gelaufen</translation>
    </message>
    <message>
        <source>Estimate against what happened</source>
        <translation>Schätzung und tatsächlicher Verlauf</translation>
    </message>
    <message>
        <source>No estimate is stored with this job.</source>
        <translation>Zu diesem Auftrag ist keine Schätzung gespeichert.</translation>
    </message>
    <message>
        <source>Estimated runtime</source>
        <translation>Geschätzte Laufzeit</translation>
    </message>
    <message>
        <source>%1 (from %2)</source>
        <translation>%1 (aus %2)</translation>
    </message>
    <message>
        <source>Actual runtime</source>
        <translation>Tatsächliche Laufzeit</translation>
    </message>
    <message>
        <source>(not finished)</source>
        <translation>(nicht beendet)</translation>
    </message>
    <message>
        <source>Disks, estimated for</source>
        <translation>Festplatten, geschätzt für</translation>
    </message>
    <message>
        <source>Disks, exported</source>
        <translation>Festplatten, exportiert</translation>
    </message>
    <message>
        <source>Actual / estimated</source>
        <translation>Tatsächlich / geschätzt</translation>
    </message>
    <message>
        <source>Changes to the guest</source>
        <translation>Änderungen am Gast</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Guest Fixes listed no change to the guest.</source>
        <translation>Die Gastanpassungen haben keine Änderung am Gast gemeldet.</translation>
    </message>
    <message>
        <source>Integrity</source>
        <translation>Integrität</translation>
    </message>
    <message>
        <source>SHA-256 of the staged disk</source>
        <translation>SHA-256 der bereitgestellten Festplatte</translation>
    </message>
    <message>
        <source>Checksum XMS computed while uploading</source>
        <translation>Prüfsumme, die XMS beim Hochladen berechnet hat</translation>
    </message>
    <message>
        <source>Image service&apos;s checksum (os_hash_value)</source>
        <translation>Prüfsumme des Image-Dienstes (os_hash_value)</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>No disk was uploaded in the final attempt.</source>
        <translation>Im letzten Versuch wurde keine Festplatte hochgeladen.</translation>
    </message>
    <message>
        <source>not compared</source>
        <translation>nicht verglichen</translation>
    </message>
    <message>
        <source>match</source>
        <translation>stimmt überein</translation>
    </message>
    <message>
        <source>MISMATCH: corrupted in transit</source>
        <translation>ABWEICHUNG: bei der Übertragung beschädigt</translation>
    </message>
    <message>
        <source>Cloud resources created</source>
        <translation>Erstellte Cloud-Ressourcen</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Erfasst</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Gelöscht</translation>
    </message>
    <message>
        <source>The job created nothing in the cloud.</source>
        <translation>Der Auftrag hat in der Cloud nichts erstellt.</translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation>Warnungen und Fehler</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>Keine.</translation>
    </message>
    <message>
        <source>Event log</source>
        <translation>Ereignisprotokoll</translation>
    </message>
    <message>
        <source>No events.</source>
        <translation>Keine Ereignisse.</translation>
    </message>
</context>
<context>
    <name>ServiceCatalog</name>
    <message>
        <source>The cloud offers %1 in several regions (%2). Set the cloud&apos;s region, for example with &apos;xms cloud create … --region %3&apos;.</source>
        <translation>Die Cloud bietet %1 in mehreren Regionen an (%2). Legen Sie die Region der Cloud fest, zum Beispiel mit „xms cloud create … --region %3“.</translation>
    </message>
    <message>
        <source>The cloud has no %1 endpoint in region &apos;%2&apos;; it offers it in: %3. Correct the cloud&apos;s region.</source>
        <translation>Die Cloud hat keinen %1-Endpunkt in der Region &apos;%2&apos;; sie bietet ihn an in: %3. Korrigieren Sie die Region der Cloud.</translation>
    </message>
    <message>
        <source>The cloud&apos;s service catalog has no %1 %2 endpoint for this project. Ask the cloud&apos;s administrator to register it.</source>
        <translation>Der Dienstkatalog der Cloud hat keinen %1-%2-Endpunkt für dieses Projekt. Bitten Sie den Administrator der Cloud, ihn einzutragen.</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Unknown setting &apos;%1&apos;. Known: %2.</source>
        <translation>Unbekannte Einstellung „%1“. Bekannt: %2.</translation>
    </message>
    <message>
        <source>%1 must be a number from %2 to %3, not &apos;%4&apos;.</source>
        <translation>%1 muss eine Zahl von %2 bis %3 sein, nicht „%4“.</translation>
    </message>
    <message>
        <source>Cannot write to %1; choose a directory this user can write.</source>
        <translation>In %1 kann nicht geschrieben werden; wählen Sie ein Verzeichnis, das dieser Benutzer beschreiben darf.</translation>
    </message>
    <message>
        <source>%1 is not a file; give the path of virtio-win.iso.</source>
        <translation>%1 ist keine Datei; geben Sie den Pfad von virtio-win.iso an.</translation>
    </message>
    <message>
        <source>%1 must be auto, always or never, not &apos;%2&apos;.</source>
        <translation>%1 muss auto, always oder never sein, nicht „%2“.</translation>
    </message>
</context>
<context>
    <name>SparseFileWriter</name>
    <message>
        <source>Could not create the staging image %1. Check that its directory exists and is writable.</source>
        <translation>Das Zwischenabbild %1 konnte nicht erstellt werden. Prüfen Sie, ob sein Verzeichnis existiert und beschreibbar ist.</translation>
    </message>
    <message>
        <source>The disk stream wrote past the disk&apos;s size. The export is corrupt; export the disk again.</source>
        <translation>Der Festplattenstrom hat über die Größe der Festplatte hinaus geschrieben. Der Export ist beschädigt; exportieren Sie die Festplatte erneut.</translation>
    </message>
    <message>
        <source>The staging image is already closed.</source>
        <translation>Das Zwischenabbild ist bereits geschlossen.</translation>
    </message>
    <message>
        <source>write</source>
        <translation>schreiben</translation>
    </message>
    <message>
        <source>punch hole</source>
        <translation>Loch stanzen</translation>
    </message>
    <message>
        <source>The disk&apos;s size is unknown.</source>
        <translation>Die Größe der Festplatte ist unbekannt.</translation>
    </message>
    <message>
        <source>set the size of</source>
        <translation>die Größe festlegen von</translation>
    </message>
    <message>
        <source>flush</source>
        <translation>leeren</translation>
    </message>
    <message>
        <source>rename</source>
        <translation>umbenennen</translation>
    </message>
    <message>
        <source>The staging disk is full while writing %1. Free space there (or choose another staging directory) and run the job again.</source>
        <translation>Der Zwischenspeicher-Datenträger ist beim Schreiben von %1 voll. Schaffen Sie dort Platz (oder wählen Sie ein anderes Zwischenablageverzeichnis) und führen Sie den Auftrag erneut aus.</translation>
    </message>
    <message>
        <source>Could not write the staging image %1. Check the disk and its permissions.</source>
        <translation>Das Zwischenabbild %1 konnte nicht geschrieben werden. Prüfen Sie den Datenträger und seine Berechtigungen.</translation>
    </message>
</context>
<context>
    <name>Stage</name>
    <message>
        <source>Queued</source>
        <translation>Eingereiht</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Inspect</source>
        <translation>Untersuchung</translation>
    </message>
    <message>
        <source>Guest Fixes</source>
        <translation>Gastanpassungen</translation>
    </message>
    <message>
        <source>Write Volume</source>
        <translation>Volume schreiben</translation>
    </message>
    <message>
        <source>Finalize</source>
        <translation>Abschluss</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
</context>
<context>
    <name>Store</name>
    <message>
        <source>There is no %1 named &apos;%2&apos;. See &apos;%3&apos; for the ones that exist.</source>
        <translation>Es gibt kein(e) %1 namens &apos;%2&apos;. „%3“ zeigt die vorhandenen.</translation>
    </message>
    <message>
        <source>The XMS database could not be read or written.</source>
        <translation>Die XMS-Datenbank konnte nicht gelesen oder geschrieben werden.</translation>
    </message>
    <message>
        <source>The XMS database %1 cannot be opened. Check that the directory exists and is writable, or set XMS_HOME.</source>
        <translation>Die XMS-Datenbank %1 kann nicht geöffnet werden. Prüfen Sie, ob das Verzeichnis existiert und beschreibbar ist, oder setzen Sie XMS_HOME.</translation>
    </message>
    <message>
        <source>source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>cloud</source>
        <translation>Cloud</translation>
    </message>
    <message>
        <source>profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>The database refused the settings XMS needs for durable writes (%1). Check that it is not read-only and that the server allows them.</source>
        <translation>Die Datenbank hat die Einstellungen abgelehnt, die XMS für dauerhafte Schreibvorgänge braucht (%1). Prüfen Sie, dass sie nicht schreibgeschützt ist und der Server sie erlaubt.</translation>
    </message>
    <message>
        <source>PostgreSQL at %1 refused user &apos;%2&apos;: the password is wrong or missing. Save it with &apos;xms store password&apos; (or, for a worker started by systemd, as the credential xms-store-password).</source>
        <translation>PostgreSQL unter %1 hat den Benutzer &apos;%2&apos; abgewiesen: Das Passwort ist falsch oder fehlt. Speichern Sie es mit &apos;xms store password&apos; (oder, für einen von systemd gestarteten Worker, als Credential xms-store-password).</translation>
    </message>
    <message>
        <source>PostgreSQL at %1 has no database &apos;%2&apos;. Create it (for example &apos;createdb -O %3 %2&apos; on the server), then try again.</source>
        <translation>PostgreSQL unter %1 hat keine Datenbank &apos;%2&apos;. Legen Sie sie an (zum Beispiel mit &apos;createdb -O %3 %2&apos; auf dem Server) und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Cannot reach the PostgreSQL job store at %1. Check that the server runs, that this host may connect to it (listen_addresses, pg_hba.conf) and that the URL is right.</source>
        <translation>Der PostgreSQL-Auftragsspeicher unter %1 ist nicht erreichbar. Prüfen Sie, ob der Server läuft, ob dieser Host sich verbinden darf (listen_addresses, pg_hba.conf) und ob die URL stimmt.</translation>
    </message>
</context>
<context>
    <name>StoreLocation</name>
    <message>
        <source>&apos;%1&apos; is not a job store XMS can use: %2. Write it as postgresql://USER@HOST:PORT/DATABASE (the password is kept in the keychain: &apos;xms store password&apos;), or leave XMS_STORE unset for the local database.</source>
        <translation>&apos;%1&apos; ist kein Auftragsspeicher, den XMS verwenden kann: %2. Schreiben Sie ihn als postgresql://BENUTZER@HOST:PORT/DATENBANK (das Passwort liegt im Schlüsselbund: &apos;xms store password&apos;), oder lassen Sie XMS_STORE für die lokale Datenbank ungesetzt.</translation>
    </message>
    <message>
        <source>it is not a postgresql:// URL</source>
        <translation>es ist keine postgresql://-URL</translation>
    </message>
    <message>
        <source>it contains a password, which must not be written in a URL</source>
        <translation>sie enthält ein Passwort, das nicht in einer URL stehen darf</translation>
    </message>
    <message>
        <source>it names no host</source>
        <translation>sie nennt keinen Host</translation>
    </message>
    <message>
        <source>it names no user</source>
        <translation>sie nennt keinen Benutzer</translation>
    </message>
    <message>
        <source>it names no database</source>
        <translation>sie nennt keine Datenbank</translation>
    </message>
    <message>
        <source>sslmode must be one of %1</source>
        <translation>sslmode muss einer der Werte %1 sein</translation>
    </message>
</context>
<context>
    <name>StreamDecoder</name>
    <message>
        <source>Data arrived after the disk was complete.</source>
        <translation>Nach Abschluss der Festplatte sind noch Daten angekommen.</translation>
    </message>
    <message>
        <source>The disk stream ended early after %1 bytes; the export was interrupted. Run the export again.</source>
        <translation>Der Festplattenstrom endete vorzeitig nach %1 Bytes; der Export wurde unterbrochen. Führen Sie den Export erneut aus.</translation>
    </message>
    <message>
        <source>The disk stream is %1, which cannot be imported directly. Send a streamOptimized VMDK or a raw disk.</source>
        <translation>Der Festplattenstrom ist %1 und kann nicht direkt importiert werden. Senden Sie ein streamOptimized-VMDK oder eine Rohdatenfestplatte.</translation>
    </message>
</context>
<context>
    <name>Submission</name>
    <message>
        <source>%1 is in this submission twice; submit each VM once.</source>
        <translation>%1 ist zweimal in dieser Übermittlung; übermitteln Sie jede VM nur einmal.</translation>
    </message>
</context>
<context>
    <name>UploadDigest</name>
    <message>
        <source>XMS cannot compute the checksum %1 the image service uses.</source>
        <translation>XMS kann die Prüfsumme %1, die der Image-Dienst verwendet, nicht berechnen.</translation>
    </message>
</context>
<context>
    <name>WorkerLauncher</name>
    <message>
        <source>Cannot start a migration worker: %1 is missing. Reinstall XMS or set XMS_CLI to the xms program.</source>
        <translation>Ein Migrations-Worker kann nicht gestartet werden: %1 fehlt. Installieren Sie XMS neu oder setzen Sie XMS_CLI auf das Programm xms.</translation>
    </message>
    <message>
        <source>Cannot start a migration worker.</source>
        <translation>Ein Migrations-Worker kann nicht gestartet werden.</translation>
    </message>
</context>
<context>
    <name>xms</name>
    <message>
        <source>could not confirm that %1 is still powered off (%2)</source>
        <translation>konnte nicht bestätigen, dass %1 noch ausgeschaltet ist (%2)</translation>
    </message>
    <message>
        <source>%1 is %2 now, so its disks may have changed since they were exported</source>
        <translation>%1 ist jetzt %2, seine Datenträger können sich seit dem Export geändert haben</translation>
    </message>
    <message>
        <source>no &apos;=&apos; between the source network and the target network</source>
        <translation>kein &apos;=&apos; zwischen Quellnetzwerk und Zielnetzwerk</translation>
    </message>
    <message>
        <source>the source network before &apos;=&apos; is empty</source>
        <translation>das Quellnetzwerk vor &apos;=&apos; ist leer</translation>
    </message>
    <message>
        <source>an empty option after &apos;,&apos;</source>
        <translation>eine leere Option nach &apos;,&apos;</translation>
    </message>
    <message>
        <source>the subnet after &apos;/&apos; is empty</source>
        <translation>das Subnetz nach &apos;/&apos; ist leer</translation>
    </message>
    <message>
        <source>more than one &apos;/&apos; in &apos;%1&apos;</source>
        <translation>mehr als ein &apos;/&apos; in &apos;%1&apos;</translation>
    </message>
    <message>
        <source>the target network after &apos;=&apos; is empty</source>
        <translation>das Zielnetzwerk nach &apos;=&apos; ist leer</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is already mapped by an earlier --network-map</source>
        <translation>&apos;%1&apos; ist bereits durch ein früheres --network-map zugeordnet</translation>
    </message>
    <message>
        <source>Quota %1 exceeded: the migration needs %2 %3, the project has %4 of %5 left</source>
        <translation>Kontingent %1 überschritten: Die Migration braucht %2 %3, das Projekt hat noch %4 von %5</translation>
    </message>
    <message>
        <source>Ask the cloud administrator to raise quota %1, or free some in the project.</source>
        <translation>Bitten Sie den Administrator der Cloud, das Kontingent %1 zu erhöhen, oder geben Sie im Projekt etwas frei.</translation>
    </message>
    <message>
        <source>This is a VM template, not a VM</source>
        <translation>Dies ist eine VM-Vorlage, keine VM</translation>
    </message>
    <message>
        <source>Deploy a VM from the template in vSphere and migrate that.</source>
        <translation>Stellen Sie in vSphere eine VM aus der Vorlage bereit und migrieren Sie diese.</translation>
    </message>
    <message>
        <source>vSphere reports the VM as %1</source>
        <translation>vSphere meldet die VM als %1</translation>
    </message>
    <message>
        <source>Reconnect its host or register the VM again in vSphere.</source>
        <translation>Verbinden Sie ihren Host erneut oder registrieren Sie die VM in vSphere neu.</translation>
    </message>
    <message>
        <source>UEFI Secure Boot is on; the instance boots UEFI without Secure Boot</source>
        <translation>UEFI Secure Boot ist aktiv; die Instanz startet mit UEFI ohne Secure Boot</translation>
    </message>
    <message>
        <source>Nothing to do unless the guest requires Secure Boot; then enable it on the instance after migration where the cloud supports it.</source>
        <translation>Nichts zu tun, außer der Gast verlangt Secure Boot; dann aktivieren Sie es nach der Migration an der Instanz, wo die Cloud es unterstützt.</translation>
    </message>
    <message>
        <source>Firmware %1</source>
        <translation>Firmware %1</translation>
    </message>
    <message>
        <source>UEFI</source>
        <translation>UEFI</translation>
    </message>
    <message>
        <source>BIOS</source>
        <translation>BIOS</translation>
    </message>
    <message>
        <source>Hardware version %1 is very old</source>
        <translation>Hardwareversion %1 ist sehr alt</translation>
    </message>
    <message>
        <source>Upgrade the VM&apos;s compatibility in vSphere if the export fails.</source>
        <translation>Erhöhen Sie die Kompatibilität der VM in vSphere, wenn der Export fehlschlägt.</translation>
    </message>
    <message>
        <source>The VM has no disks to migrate</source>
        <translation>Die VM hat keine Festplatten zum Migrieren</translation>
    </message>
    <message>
        <source>Attach the VM&apos;s disks in vSphere.</source>
        <translation>Hängen Sie die Festplatten der VM in vSphere an.</translation>
    </message>
    <message>
        <source>%1 is a raw device mapping (RDM)</source>
        <translation>%1 ist eine Raw-Device-Zuordnung (RDM)</translation>
    </message>
    <message>
        <source>Migrate the LUN&apos;s data separately, or convert it to a virtual disk (Storage vMotion with a disk format change) first.</source>
        <translation>Migrieren Sie die Daten der LUN getrennt oder wandeln Sie sie zuerst in eine virtuelle Festplatte um (Storage vMotion mit Änderung des Festplattenformats).</translation>
    </message>
    <message>
        <source>%1 is an independent disk (%2)</source>
        <translation>%1 ist eine unabhängige Festplatte (%2)</translation>
    </message>
    <message>
        <source>Change the disk mode to Dependent in vSphere (VM powered off), then run preflight again.</source>
        <translation>Stellen Sie den Festplattenmodus in vSphere auf „Abhängig“ (VM ausgeschaltet) und führen Sie die Vorabprüfung erneut aus.</translation>
    </message>
    <message>
        <source>%1 is shared with other VMs (multi-writer)</source>
        <translation>%1 wird mit anderen VMs geteilt (Multi-Writer)</translation>
    </message>
    <message>
        <source>Detach the shared disk; shared storage must be rebuilt in Xloud (multi-attach volume type).</source>
        <translation>Trennen Sie die geteilte Festplatte; geteilter Speicher muss in Xloud neu aufgebaut werden (Volume-Typ mit Multi-Attach).</translation>
    </message>
    <message>
        <source>The VM has snapshots; the migration copies its current state only</source>
        <translation>Die VM hat Snapshots; die Migration kopiert nur ihren aktuellen Zustand</translation>
    </message>
    <message>
        <source>Delete or consolidate snapshots you do not need, so the export reads one disk chain.</source>
        <translation>Löschen oder konsolidieren Sie nicht benötigte Snapshots, damit der Export eine einzige Festplattenkette liest.</translation>
    </message>
    <message>
        <source>%1 is Windows and needs VirtIO drivers, but no virtio-win ISO is set</source>
        <translation>%1 ist Windows und braucht VirtIO-Treiber, aber es ist kein virtio-win-ISO eingestellt</translation>
    </message>
    <message>
        <source>Download virtio-win.iso (Fedora&apos;s virtio-win project) and set it with &apos;xms settings set guest/virtio-win PATH&apos; or in Settings, then run preflight again.</source>
        <translation>Laden Sie virtio-win.iso (virtio-win-Projekt von Fedora) herunter, stellen Sie es mit „xms settings set guest/virtio-win PFAD“ oder in den Einstellungen ein und führen Sie die Vorabprüfung erneut aus.</translation>
    </message>
    <message>
        <source>%1, drivers from %2</source>
        <translation>%1, Treiber aus %2</translation>
    </message>
    <message>
        <source>vSphere does not know the guest OS (%1)</source>
        <translation>vSphere kennt das Gastbetriebssystem nicht (%1)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Inspection decides during the job; set the guest OS in the VM&apos;s settings to know now.</source>
        <translation>Die Untersuchung entscheidet während des Auftrags; stellen Sie das Gastbetriebssystem in den Einstellungen der VM ein, um es jetzt zu wissen.</translation>
    </message>
    <message>
        <source>Staging needs %1 GiB, %2 GiB are free</source>
        <translation>Zwischenspeichern braucht %1 GiB, %2 GiB sind frei</translation>
    </message>
    <message>
        <source>Free space in the staging directory or choose another one in Settings.</source>
        <translation>Schaffen Sie Platz im Zwischenablageverzeichnis oder wählen Sie in den Einstellungen ein anderes.</translation>
    </message>
    <message>
        <source>Flavor %1 is not available in project %2</source>
        <translation>Flavor %1 ist in Projekt %2 nicht verfügbar</translation>
    </message>
    <message>
        <source>Pick one of the flavors &apos;xms cloud resources&apos; lists.</source>
        <translation>Wählen Sie einen der Flavors, die „xms cloud resources“ auflistet.</translation>
    </message>
    <message>
        <source>Flavor %1 (%2 vCPU, %3 MiB) is smaller than the source (%4 vCPU, %5 MiB)</source>
        <translation>Flavor %1 (%2 vCPU, %3 MiB) ist kleiner als die Quelle (%4 vCPU, %5 MiB)</translation>
    </message>
    <message>
        <source>Choose a flavor with at least %1 vCPU and %2 MiB RAM.</source>
        <translation>Wählen Sie einen Flavor mit mindestens %1 vCPU und %2 MiB RAM.</translation>
    </message>
    <message>
        <source>Flavor %1 fits (%2 vCPU, %3 MiB)</source>
        <translation>Flavor %1 passt (%2 vCPU, %3 MiB)</translation>
    </message>
    <message>
        <source>Volume type %1 does not exist</source>
        <translation>Volume-Typ %1 existiert nicht</translation>
    </message>
    <message>
        <source>Pick one of the volume types &apos;xms cloud resources&apos; lists.</source>
        <translation>Wählen Sie einen der Volume-Typen, die „xms cloud resources“ auflistet.</translation>
    </message>
    <message>
        <source>Availability zone %1 does not exist</source>
        <translation>Verfügbarkeitszone %1 existiert nicht</translation>
    </message>
    <message>
        <source>Leave the zone empty for the default, or pick a listed one.</source>
        <translation>Lassen Sie die Zone für den Standard leer oder wählen Sie eine aufgeführte.</translation>
    </message>
    <message>
        <source>instance</source>
        <translation>Instanz</translation>
    </message>
    <message>
        <source>vCPU</source>
        <translation>vCPU</translation>
    </message>
    <message>
        <source>MiB</source>
        <translation>MiB</translation>
    </message>
    <message>
        <source>volumes</source>
        <translation>Volumes</translation>
    </message>
    <message>
        <source>GiB</source>
        <translation>GiB</translation>
    </message>
    <message>
        <source>ports</source>
        <translation>Ports</translation>
    </message>
    <message>
        <source>%1 (on %2) is not mapped to a target network</source>
        <translation>%1 (an %2) ist keinem Zielnetzwerk zugeordnet</translation>
    </message>
    <message>
        <source>Map it, e.g. --network-map &apos;%1=NETWORK&apos;.</source>
        <translation>Ordnen Sie es zu, z. B. --network-map &apos;%1=NETZWERK&apos;.</translation>
    </message>
    <message>
        <source>Network %1 (for %2) does not exist in project %3</source>
        <translation>Netzwerk %1 (für %2) existiert in Projekt %3 nicht</translation>
    </message>
    <message>
        <source>Pick one of the networks &apos;xms cloud resources&apos; lists.</source>
        <translation>Wählen Sie eines der Netzwerke, die „xms cloud resources“ auflistet.</translation>
    </message>
    <message>
        <source>Subnet %1 is not part of network %2</source>
        <translation>Subnetz %1 gehört nicht zu Netzwerk %2</translation>
    </message>
    <message>
        <source>Pick a subnet of %1.</source>
        <translation>Wählen Sie ein Subnetz von %1.</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>Untick Keep MAC, or allow a new MAC (--mac-fallback new).</source>
        <translation>Wählen Sie „MAC behalten“ ab oder erlauben Sie eine neue MAC (--mac-fallback new).</translation>
    </message>
    <message>
        <source>The instance will get a new MAC; update DHCP reservations or licences bound to it.</source>
        <translation>Die Instanz erhält eine neue MAC; passen Sie daran gebundene DHCP-Reservierungen oder Lizenzen an.</translation>
    </message>
    <message>
        <source>%1 cannot keep MAC %2: %3 is a shared network, where Xloud lets only administrators choose a MAC</source>
        <translation>%1 kann MAC %2 nicht behalten: %3 ist ein gemeinsam genutztes Netzwerk, in dem Xloud nur Administratoren eine MAC wählen lässt</translation>
    </message>
    <message>
        <source>MAC %1 of %2 is already used by port %3</source>
        <translation>MAC %1 von %2 wird bereits von Port %3 verwendet</translation>
    </message>
    <message>
        <source>Pass</source>
        <translation>Bestanden</translation>
    </message>
    <message>
        <source>Warn</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>Blockiert</translation>
    </message>
    <message>
        <source>Checking the disks</source>
        <translation>Festplatten werden geprüft</translation>
    </message>
    <message>
        <source>There is no disk to inspect.</source>
        <translation>Es gibt keine Festplatte zum Untersuchen.</translation>
    </message>
    <message>
        <source>The staging image %1 is missing or unreadable. Run the Export stage again.</source>
        <translation>Das Zwischenabbild %1 fehlt oder ist nicht lesbar. Führen Sie die Phase „Export“ erneut aus.</translation>
    </message>
    <message>
        <source>Inspection was cancelled.</source>
        <translation>Die Untersuchung wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Starting the inspection appliance</source>
        <translation>Untersuchungs-Appliance wird gestartet</translation>
    </message>
    <message>
        <source>Building the libguestfs appliance (first run only; this takes a minute or two)</source>
        <translation>libguestfs-Appliance wird gebaut (nur beim ersten Mal; das dauert ein bis zwei Minuten)</translation>
    </message>
    <message>
        <source>libguestfs could not start its helper appliance. </source>
        <translation>libguestfs konnte seine Hilfs-Appliance nicht starten. </translation>
    </message>
    <message>
        <source>Looking for operating systems</source>
        <translation>Suche nach Betriebssystemen</translation>
    </message>
    <message>
        <source>libguestfs could not inspect the guest (often an unreadable /etc/fstab or registry in the guest). Fix the guest on the source VM, or see the details.</source>
        <translation>libguestfs konnte den Gast nicht untersuchen (oft eine unlesbare /etc/fstab oder Registry im Gast). Reparieren Sie den Gast auf der Quell-VM oder sehen Sie sich die Details an.</translation>
    </message>
    <message>
        <source>Reading the disk layout</source>
        <translation>Festplattenaufteilung wird gelesen</translation>
    </message>
    <message>
        <source>Reading the installed software of %1</source>
        <translation>Installierte Software von %1 wird gelesen</translation>
    </message>
    <message>
        <source>Measuring the remaining file systems</source>
        <translation>Übrige Dateisysteme werden vermessen</translation>
    </message>
    <message>
        <source>No operating system was found on the VM&apos;s disks. Check that the VM&apos;s boot disk was exported and that its disks are complete; a VM with only data disks cannot be migrated as a bootable instance.</source>
        <translation>Auf den Festplatten der VM wurde kein Betriebssystem gefunden. Prüfen Sie, ob die Startfestplatte der VM exportiert wurde und ihre Festplatten vollständig sind; eine VM mit nur Datenfestplatten kann nicht als startfähige Instanz migriert werden.</translation>
    </message>
    <message>
        <source>Inspection complete: %1</source>
        <translation>Untersuchung abgeschlossen: %1</translation>
    </message>
    <message>
        <source>virt-v2v log: %1</source>
        <translation>virt-v2v-Protokoll: %1</translation>
    </message>
    <message>
        <source>see the log</source>
        <translation>siehe Protokoll</translation>
    </message>
    <message>
        <source>Run libguestfs-test-tool to see why (on hosts where /dev/kvm exists but fails, set LIBGUESTFS_BACKEND_SETTINGS=force_tcg).</source>
        <translation>Führen Sie libguestfs-test-tool aus, um den Grund zu sehen (auf Hosts, auf denen /dev/kvm existiert, aber versagt, setzen Sie LIBGUESTFS_BACKEND_SETTINGS=force_tcg).</translation>
    </message>
    <message>
        <source>virt-v2v could not convert the guest: %1 The whole log is in %2.</source>
        <translation>virt-v2v konnte den Gast nicht konvertieren: %1 Das vollständige Protokoll liegt in %2.</translation>
    </message>
    <message>
        <source>The disk stream is a VMDK this importer cannot read in one pass: %1. Export the disk from vSphere (it sends streamOptimized VMDK) or convert it with &quot;qemu-img convert -O vmdk -o subformat=streamOptimized&quot;.</source>
        <translation>Der Festplattenstrom ist ein VMDK, das dieser Import nicht in einem Durchgang lesen kann: %1. Exportieren Sie die Festplatte aus vSphere (es sendet streamOptimized-VMDK) oder konvertieren Sie sie mit „qemu-img convert -O vmdk -o subformat=streamOptimized“.</translation>
    </message>
    <message>
        <source>The VMDK stream is corrupt: %1. Export the disk again.</source>
        <translation>Der VMDK-Strom ist beschädigt: %1. Exportieren Sie die Festplatte erneut.</translation>
    </message>
    <message>
        <source>%1 was powered on again, as requested</source>
        <translation>%1 wurde wie gewünscht wieder eingeschaltet</translation>
    </message>
    <message>
        <source>%1 could not be powered on again: %2. Power it on in vSphere.</source>
        <translation>%1 konnte nicht wieder eingeschaltet werden: %2. Schalten Sie die VM in vSphere ein.</translation>
    </message>
    <message>
        <source>The libguestfs appliance did not start within %1 min, twice.</source>
        <translation>Die libguestfs-Appliance ist zweimal nicht innerhalb von %1 min gestartet.</translation>
    </message>
    <message>
        <source>The libguestfs appliance stopped responding: the inspection took longer than %1 min, twice.</source>
        <translation>Die libguestfs-Appliance reagiert nicht mehr: Die Inspektion dauerte zweimal länger als %1 min.</translation>
    </message>
    <message>
        <source>The host is probably overloaded (without KVM the appliance is emulated and slow): run fewer migrations at once or enable KVM, then retry.</source>
        <translation>Der Rechner ist vermutlich überlastet (ohne KVM wird die Appliance emuliert und ist langsam): Führen Sie weniger Migrationen gleichzeitig aus oder aktivieren Sie KVM und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>The inspection appliance stopped responding; starting it again</source>
        <translation>Die Inspektions-Appliance reagiert nicht mehr; sie wird neu gestartet</translation>
    </message>
    <message>
        <source>The inspection appliance stopped responding once and was restarted; the host may be overloaded.</source>
        <translation>Die Inspektions-Appliance reagierte einmal nicht mehr und wurde neu gestartet; der Rechner ist möglicherweise überlastet.</translation>
    </message>
    <message>
        <source>Guest Fixes was cancelled; the staging images are unchanged.</source>
        <translation>Die Gastanpassung wurde abgebrochen; die Staging-Abbilder sind unverändert.</translation>
    </message>
    <message>
        <source>This VM runs Windows, which needs VirtIO drivers to boot on Xloud. Download virtio-win.iso (%1) and point the &quot;VirtIO drivers for Windows&quot; setting, the --virtio-win option or the VIRTIO_WIN environment variable at it.</source>
        <translation>Auf dieser VM läuft Windows, das VirtIO-Treiber braucht, um auf Xloud zu starten. Laden Sie virtio-win.iso (%1) herunter und geben Sie den Pfad in der Einstellung „VirtIO-Treiber für Windows“, mit der Option --virtio-win oder in der Umgebungsvariablen VIRTIO_WIN an.</translation>
    </message>
    <message>
        <source>The VirtIO drivers for Windows are configured as %1, which does not exist. Download virtio-win.iso (%2) and point the setting at it.</source>
        <translation>Als VirtIO-Treiber für Windows ist %1 eingestellt, das es nicht gibt. Laden Sie virtio-win.iso (%2) herunter und geben Sie den Pfad in der Einstellung an.</translation>
    </message>
    <message>
        <source>VMware Tools reports no IP address for %1, so there is no address to keep</source>
        <translation>VMware Tools meldet keine IP-Adresse für %1, es gibt also keine Adresse zu behalten</translation>
    </message>
    <message>
        <source>%1 has %2, which is outside %3 (%4)</source>
        <translation>%1 hat %2, das liegt außerhalb von %3 (%4)</translation>
    </message>
    <message>
        <source>no subnet</source>
        <translation>kein Subnetz</translation>
    </message>
    <message>
        <source>Drop keep-ip for %1 so that it gets an address by DHCP (untick Keep IP), or start the VM with VMware Tools running and refresh the inventory.</source>
        <translation>Lassen Sie keep-ip für %1 weg, damit es eine Adresse per DHCP erhält (IP behalten abwählen), oder starten Sie die VM mit laufenden VMware Tools und aktualisieren Sie das Inventar.</translation>
    </message>
    <message>
        <source>Map %1 to a subnet that holds its address (&apos;xms cloud resources&apos; lists them), or drop keep-ip so that it gets an address by DHCP.</source>
        <translation>Ordnen Sie %1 einem Subnetz zu, das seine Adresse enthält („xms cloud resources“ listet sie auf), oder lassen Sie keep-ip weg, damit es eine Adresse per DHCP erhält.</translation>
    </message>
    <message>
        <source>IP %1 of %2 is the gateway of subnet %3</source>
        <translation>IP %1 von %2 ist das Gateway von Subnetz %3</translation>
    </message>
    <message>
        <source>Map %1 to another subnet, or drop keep-ip so that it gets an address by DHCP.</source>
        <translation>Ordnen Sie %1 einem anderen Subnetz zu oder lassen Sie keep-ip weg, damit es eine Adresse per DHCP erhält.</translation>
    </message>
    <message>
        <source>IP %1 of %2 is already used by port %3 on %4</source>
        <translation>IP %1 von %2 wird bereits von Port %3 in %4 verwendet</translation>
    </message>
    <message>
        <source>Free the address (delete that port or give it another IP), or drop keep-ip so that %1 gets an address by DHCP.</source>
        <translation>Geben Sie die Adresse frei (löschen Sie diesen Port oder geben Sie ihm eine andere IP) oder lassen Sie keep-ip weg, damit %1 eine Adresse per DHCP erhält.</translation>
    </message>
    <message>
        <source>%1 keeps IP %2 on %3 (%4)</source>
        <translation>%1 behält IP %2 in %3 (%4)</translation>
    </message>
    <message>
        <source>%1 uses gateway %2, but subnet %3 has no gateway</source>
        <translation>%1 verwendet Gateway %2, aber Subnetz %3 hat kein Gateway</translation>
    </message>
    <message>
        <source>%1 uses gateway %2, but the gateway of subnet %3 is %4</source>
        <translation>%1 verwendet Gateway %2, aber das Gateway von Subnetz %3 ist %4</translation>
    </message>
    <message>
        <source>The guest keeps its own gateway setting: change it in the guest after the migration, or ask the cloud administrator to make the subnet&apos;s gateway %1.</source>
        <translation>Der Gast behält seine eigene Gateway-Einstellung: Ändern Sie sie nach der Migration im Gast oder bitten Sie den Administrator der Cloud, das Gateway des Subnetzes auf %1 zu setzen.</translation>
    </message>
    <message>
        <source>Bad --network-map &apos;%1&apos;: %2. Use SOURCE=NETWORK[/SUBNET][,keep-mac][,keep-ip], for example &apos;VM Network=internal-net/internal-subnet,keep-mac,keep-ip&apos;.</source>
        <translation>Ungültiges --network-map &apos;%1&apos;: %2. Verwenden Sie QUELLE=NETZWERK[/SUBNETZ][,keep-mac][,keep-ip], zum Beispiel &apos;VM Network=internal-net/internal-subnet,keep-mac,keep-ip&apos;.</translation>
    </message>
    <message>
        <source>unknown option &apos;%1&apos; (the options are keep-mac and keep-ip)</source>
        <translation>unbekannte Option &apos;%1&apos; (die Optionen sind keep-mac und keep-ip)</translation>
    </message>
    <message>
        <source>%1 was powered on at %2, after its disks were exported, so they may be out of date</source>
        <translation>%1 wurde um %2 eingeschaltet, nachdem seine Festplatten exportiert wurden; sie sind daher womöglich veraltet</translation>
    </message>
    <message>
        <source>matches the VMware NIC driver %1, which VirtIO NICs do not have</source>
        <translation>passt auf den VMware-NIC-Treiber %1, den VirtIO-NICs nicht haben</translation>
    </message>
    <message>
        <source>names an interface by the VMware NIC driver</source>
        <translation>benennt eine Schnittstelle nach dem VMware-NIC-Treiber</translation>
    </message>
    <message>
        <source>the guest names MAC %1 %2</source>
        <translation>der Gast nennt MAC %1 %2</translation>
    </message>
    <message>
        <source>%1 is %2 by the guest&apos;s own rule for its MAC; classic names follow the NIC order on VirtIO</source>
        <translation>%1 heißt nach der eigenen Regel des Gasts für seine MAC %2; klassische Namen folgen unter VirtIO der NIC-Reihenfolge</translation>
    </message>
    <message>
        <source>VMware names the NIC in PCI slot %1 %2</source>
        <translation>VMware nennt die NIC in PCI-Steckplatz %1 %2</translation>
    </message>
    <message>
        <source>the guest uses classic interface names (eth0, eth1 …), which follow the NIC order on VirtIO</source>
        <translation>der Gast verwendet klassische Schnittstellennamen (eth0, eth1 …), die unter VirtIO der NIC-Reihenfolge folgen</translation>
    </message>
    <message>
        <source>the guest&apos;s configuration names no interface that could change on VirtIO</source>
        <translation>die Konfiguration des Gasts nennt keine Schnittstelle, deren Name sich unter VirtIO ändern könnte</translation>
    </message>
    <message>
        <source>the only NIC, and the only name its configuration uses</source>
        <translation>die einzige NIC und der einzige Name, den ihre Konfiguration verwendet</translation>
    </message>
    <message>
        <source>the NICs in PCI slot order take the configured names in order</source>
        <translation>die NICs erhalten in der Reihenfolge ihrer PCI-Steckplätze die konfigurierten Namen der Reihe nach</translation>
    </message>
    <message>
        <source>Could not tell which of the guest&apos;s interface names (%1) %2 had under VMware: their configuration may not apply on VirtIO. Check the guest&apos;s network after the migration.</source>
        <translation>Es ließ sich nicht bestimmen, welchen der Schnittstellennamen des Gasts (%1) %2 unter VMware hatte: ihre Konfiguration greift unter VirtIO möglicherweise nicht. Prüfen Sie das Netzwerk des Gasts nach der Migration.</translation>
    </message>
</context>
<context>
    <name>xms::BootVerifier</name>
    <message>
        <source>QEMU stopped (exit code %1) before the converted guest proved its network: %2</source>
        <translation>QEMU wurde beendet (Exit-Code %1), bevor der konvertierte Gast sein Netzwerk nachwies: %2</translation>
    </message>
    <message>
        <source>Cannot start %1 to verify the boot. Install QEMU (Debian: apt-get install qemu-system-x86), or set Guest Fixes&apos; boot verification to never.</source>
        <translation>%1 lässt sich zur Startprüfung nicht starten. Installieren Sie QEMU (Debian: apt-get install qemu-system-x86) oder setzen Sie die Startprüfung der Gastanpassung auf never.</translation>
    </message>
    <message>
        <source>Booting the converted guest (KVM) to check its network</source>
        <translation>Der konvertierte Gast startet (KVM), um sein Netzwerk zu prüfen</translation>
    </message>
    <message>
        <source>Booting the converted guest (emulated, a minute or two) to check its network</source>
        <translation>Der konvertierte Gast startet (emuliert, ein bis zwei Minuten), um sein Netzwerk zu prüfen</translation>
    </message>
    <message>
        <source>There is no disk to boot.</source>
        <translation>Es gibt keinen Datenträger zum Starten.</translation>
    </message>
    <message>
        <source>%1 is not installed, so the converted guest cannot be boot-verified. Install QEMU (Debian: apt-get install qemu-system-x86), or set Guest Fixes&apos; boot verification to never.</source>
        <translation>%1 ist nicht installiert, daher kann der Start des konvertierten Gasts nicht geprüft werden. Installieren Sie QEMU (Debian: apt-get install qemu-system-x86) oder setzen Sie die Startprüfung der Gastanpassung auf never.</translation>
    </message>
    <message>
        <source>UEFI firmware for QEMU is missing (%1): install it (Debian: apt-get install ovmf), or set Guest Fixes&apos; boot verification to never.</source>
        <translation>UEFI-Firmware für QEMU fehlt (%1): installieren Sie sie (Debian: apt-get install ovmf) oder setzen Sie die Startprüfung der Gastanpassung auf never.</translation>
    </message>
    <message>
        <source>Cannot create %1 for the boot verification. Check the staging directory&apos;s free space.</source>
        <translation>%1 für die Startprüfung kann nicht angelegt werden. Prüfen Sie den freien Platz im Staging-Verzeichnis.</translation>
    </message>
    <message>
        <source>Could not create a throwaway overlay of %1 to boot. Check free space in %2.</source>
        <translation>Für den Start konnte kein Wegwerf-Overlay von %1 angelegt werden. Prüfen Sie den freien Platz in %2.</translation>
    </message>
    <message>
        <source>Cannot copy the UEFI variables template into %1.</source>
        <translation>Die UEFI-Variablenvorlage kann nicht nach %1 kopiert werden.</translation>
    </message>
    <message>
        <source>Cannot listen on %1 for the boot verification&apos;s network.</source>
        <translation>Auf %1 kann für das Netzwerk der Startprüfung nicht gelauscht werden.</translation>
    </message>
    <message>
        <source>a DHCP request</source>
        <translation>eine DHCP-Anfrage</translation>
    </message>
    <message>
        <source>an ARP answer for %1</source>
        <translation>eine ARP-Antwort für %1</translation>
    </message>
    <message>
        <source>an ARP request from %1</source>
        <translation>eine ARP-Anfrage von %1</translation>
    </message>
    <message>
        <source>IPv4 traffic from %1</source>
        <translation>IPv4-Verkehr von %1</translation>
    </message>
    <message>
        <source>IPv6 traffic</source>
        <translation>IPv6-Verkehr</translation>
    </message>
    <message>
        <source>other traffic</source>
        <translation>anderer Verkehr</translation>
    </message>
    <message>
        <source>%1 (%2): %3</source>
        <translation>%1 (%2): %3</translation>
    </message>
    <message>
        <source>the console offered a login</source>
        <translation>die Konsole bot eine Anmeldung an</translation>
    </message>
    <message>
        <source>The converted guest booted (its console offered a login after %1 s) but its network did not come up within %2 s: %3</source>
        <translation>Der konvertierte Gast startete (seine Konsole bot nach %1 s eine Anmeldung an), aber sein Netzwerk kam nicht innerhalb von %2 s hoch: %3</translation>
    </message>
    <message>
        <source>The converted guest did not bring its network up within %1 s of booting: %2</source>
        <translation>Der konvertierte Gast brachte sein Netzwerk nicht innerhalb von %1 s nach dem Start hoch: %2</translation>
    </message>
    <message>
        <source>a DHCP request or an answer for %1</source>
        <translation>eine DHCP-Anfrage oder eine Antwort für %1</translation>
    </message>
    <message>
        <source>%1 (MAC %2) never sent %3; seen from its MAC: %4</source>
        <translation>%1 (MAC %2) sandte nie %3; von seiner MAC gesehen: %4</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <source>Its network configuration does not apply on VirtIO (interface names or MACs changed?). Nothing was created in Xloud; the console log and a screenshot are in %1.</source>
        <translation>Seine Netzwerkkonfiguration greift unter VirtIO nicht (Schnittstellennamen oder MACs geändert?). In Xloud wurde nichts angelegt; das Konsolenprotokoll und ein Bildschirmfoto liegen in %1.</translation>
    </message>
    <message>
        <source>The boot verification was cancelled.</source>
        <translation>Die Startprüfung wurde abgebrochen.</translation>
    </message>
</context>
<context>
    <name>xms::Checkpoint</name>
    <message>
        <source>%1 is gone</source>
        <translation>%1 ist nicht mehr vorhanden</translation>
    </message>
    <message>
        <source>%1 changed after it was converted</source>
        <translation>%1 wurde nach der Konvertierung verändert</translation>
    </message>
    <message>
        <source>the converted disks are kept in the staging area of host %1, and this worker runs on %2</source>
        <translation>die konvertierten Datenträger liegen im Staging-Bereich von Host %1, und dieser Worker läuft auf %2</translation>
    </message>
</context>
<context>
    <name>xms::Engine</name>
    <message>
        <source>The process running this job stopped unexpectedly during %1. XMS removed what the job had created in Xloud; run &apos;xms migration retry %2&apos; to start it again.</source>
        <translation>Der Prozess, der diesen Auftrag ausführte, hat während %1 unerwartet angehalten. XMS hat entfernt, was der Auftrag in Xloud erstellt hatte; starten Sie ihn mit „xms migration retry %2“ erneut.</translation>
    </message>
    <message>
        <source>this worker could not renew the job&apos;s lease for %1 s (longer than the lease); it was paused or lost the database</source>
        <translation>dieser Worker konnte die Lease des Auftrags %1 s lang nicht erneuern (länger als die Lease); er war angehalten oder ohne Datenbank</translation>
    </message>
    <message>
        <source>The worker on %1 cannot run this job: %2 It is left for a worker on another host (%3).</source>
        <translation>Der Worker auf %1 kann diesen Auftrag nicht ausführen: %2 Er bleibt einem Worker auf einem anderen Host überlassen (%3).</translation>
    </message>
    <message>
        <source>Waiting for a worker that has its credentials (%1 lacks them)</source>
        <translation>Wartet auf einen Worker mit den nötigen Zugangsdaten (%1 fehlen sie)</translation>
    </message>
</context>
<context>
    <name>xms::ExportStageRunner</name>
    <message>
        <source>Not enough free space for staging: %1 needs %2 GiB but %3 has %4 GiB free. Free some space or choose another staging directory (Settings, or XMS_HOME), then retry.</source>
        <translation>Nicht genug freier Platz zum Zwischenspeichern: %1 braucht %2 GiB, aber %3 hat %4 GiB frei. Schaffen Sie Platz oder wählen Sie ein anderes Zwischenablageverzeichnis (Einstellungen oder XMS_HOME) und versuchen Sie es erneut.</translation>
    </message>
    <message numerus="yes">
        <source>%n disk(s) staged in %1 s</source>
        <translation>
            <numerusform>%n Festplatte in %1 s zwischengespeichert</numerusform>
            <numerusform>%n Festplatten in %1 s zwischengespeichert</numerusform>
        </translation>
    </message>
    <message>
        <source>Waiting for an export slot: %1 export(s) already run against %2 (limit %3)</source>
        <translation>Warte auf einen Exportplatz: %1 Export(e) laufen bereits gegen %2 (Grenze %3)</translation>
    </message>
    <message>
        <source>Cancelled while waiting for an export slot</source>
        <translation>Beim Warten auf einen Exportplatz abgebrochen</translation>
    </message>
    <message>
        <source>no network facts</source>
        <translation>keine Netzwerkangaben</translation>
    </message>
    <message>
        <source>The guest network of %1 changed since submit: %2. VMware Tools now reports: %3</source>
        <translation>Das Gastnetzwerk von %1 hat sich seit dem Übermitteln geändert: %2. VMware Tools meldet jetzt: %3</translation>
    </message>
    <message>
        <source>VMware Tools reports for %1, as at submit: %2</source>
        <translation>VMware Tools meldet für %1, wie beim Übermitteln: %2</translation>
    </message>
    <message>
        <source>VMware Tools reports for %1: %2</source>
        <translation>VMware Tools meldet für %1: %2</translation>
    </message>
</context>
<context>
    <name>xms::FinalizeStageRunner</name>
    <message>
        <source>No volume was written for this job.</source>
        <translation>Für diesen Auftrag wurde kein Volume geschrieben.</translation>
    </message>
    <message>
        <source>%1 (on %2) has no network mapping. Add --network-map &apos;%2=NETWORK&apos; and retry.</source>
        <translation>%1 (an %2) hat keine Netzwerkzuordnung. Fügen Sie --network-map &apos;%2=NETZWERK&apos; hinzu und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Network %1 does not exist in project %2 or is not visible to it. Check the mapping with &apos;xms cloud resources&apos;.</source>
        <translation>Netzwerk %1 existiert in Projekt %2 nicht oder ist dort nicht sichtbar. Prüfen Sie die Zuordnung mit „xms cloud resources“.</translation>
    </message>
    <message>
        <source>Several networks are named %1; map the NIC by the network&apos;s id instead.</source>
        <translation>Mehrere Netzwerke heißen %1; ordnen Sie die Netzwerkkarte stattdessen über die ID des Netzwerks zu.</translation>
    </message>
    <message>
        <source>Subnet %1 is not part of network %2.</source>
        <translation>Subnetz %1 gehört nicht zu Netzwerk %2.</translation>
    </message>
    <message>
        <source>%1 of VMware VM %2, migrated by XMS</source>
        <translation>%1 der VMware-VM %2, migriert von XMS</translation>
    </message>
    <message>
        <source>%1 → %2, MAC %3</source>
        <translation>%1 → %2, MAC %3</translation>
    </message>
    <message>
        <source>Flavor %1 is not available to project %2. See &apos;xms cloud resources&apos;.</source>
        <translation>Flavor %1 ist für Projekt %2 nicht verfügbar. Siehe „xms cloud resources“.</translation>
    </message>
    <message>
        <source>Migrated from VMware VM %1 by XMS</source>
        <translation>Von XMS aus der VMware-VM %1 migriert</translation>
    </message>
    <message>
        <source>Instance %1 is building</source>
        <translation>Instanz %1 wird aufgebaut</translation>
    </message>
    <message numerus="yes">
        <source>Instance %1 is %2 with %n volume(s) attached</source>
        <translation>
            <numerusform>Instanz %1 ist %2 mit %n angehängtem Volume</numerusform>
            <numerusform>Instanz %1 ist %2 mit %n angehängten Volumes</numerusform>
        </translation>
    </message>
    <message>
        <source>The source VM stays powered off. Do not power it on while the new instance runs: they share hostname, MAC and disk UUIDs.</source>
        <translation>Die Quell-VM bleibt ausgeschaltet. Schalten Sie sie nicht ein, solange die neue Instanz läuft: Beide teilen Hostname, MAC und Festplatten-UUIDs.</translation>
    </message>
    <message>
        <source>Cancelled while creating the instance</source>
        <translation>Beim Erstellen der Instanz abgebrochen</translation>
    </message>
    <message>
        <source>%1. Drop keep-ip for it (DHCP) or map it to the subnet of its address, then retry.</source>
        <translation>%1. Lassen Sie keep-ip dafür weg (DHCP) oder ordnen Sie es dem Subnetz seiner Adresse zu und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>%1 → %2, MAC %3, IP %4 kept</source>
        <translation>%1 → %2, MAC %3, IP %4 behalten</translation>
    </message>
    <message>
        <source>%1 could not keep MAC %2 (%3); it gets MAC %4 instead</source>
        <translation>%1 konnte MAC %2 nicht behalten (%3); sie erhält stattdessen MAC %4</translation>
    </message>
    <message>
        <source>%1 could not get MAC %2 (%3); Xloud chooses its MAC, which the guest&apos;s interface name pin does not match: check the guest&apos;s network after the migration</source>
        <translation>%1 konnte MAC %2 nicht erhalten (%3); Xloud wählt ihre MAC, auf die die Namensfestlegung des Gasts nicht passt: prüfen Sie das Netzwerk des Gasts nach der Migration</translation>
    </message>
</context>
<context>
    <name>xms::GuestFixesStage</name>
    <message>
        <source>Guest Fixes needs the staging images and a work directory.</source>
        <translation>Die Gastanpassung braucht die Staging-Abbilder und ein Arbeitsverzeichnis.</translation>
    </message>
    <message>
        <source>The staging image %1 is missing or not writable. Run the Export stage again.</source>
        <translation>Das Staging-Abbild %1 fehlt oder ist nicht beschreibbar. Führen Sie den Export erneut aus.</translation>
    </message>
    <message>
        <source>%1 is not installed. Install virt-v2v 2.2 or later with nbdkit and nbdcopy (Debian 12: apt-get install virt-v2v nbdkit libnbd-bin), then retry.</source>
        <translation>%1 ist nicht installiert. Installieren Sie virt-v2v 2.2 oder neuer mit nbdkit und nbdcopy (Debian 12: apt-get install virt-v2v nbdkit libnbd-bin) und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>qemu-img is not installed. Install it (Debian: apt-get install qemu-utils), then retry.</source>
        <translation>qemu-img ist nicht installiert. Installieren Sie es (Debian: apt-get install qemu-utils) und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>Cannot create %1. Check the staging directory&apos;s permissions and free space.</source>
        <translation>%1 kann nicht angelegt werden. Prüfen Sie die Berechtigungen und den freien Platz des Staging-Verzeichnisses.</translation>
    </message>
    <message>
        <source>Cannot create a temporary directory in %1. Free some space there or set TMPDIR.</source>
        <translation>In %1 kann kein temporäres Verzeichnis angelegt werden. Schaffen Sie dort Platz oder setzen Sie TMPDIR.</translation>
    </message>
    <message>
        <source>Cannot write the Guest Fixes log %1.</source>
        <translation>Das Protokoll der Gastanpassung %1 kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Could not create a working overlay of %1. Check free space in %2.</source>
        <translation>Für %1 konnte kein Arbeits-Overlay angelegt werden. Prüfen Sie den freien Platz in %2.</translation>
    </message>
    <message>
        <source>Cannot write %1. Check free space in the staging directory.</source>
        <translation>%1 kann nicht geschrieben werden. Prüfen Sie den freien Platz im Staging-Verzeichnis.</translation>
    </message>
    <message>
        <source>Starting virt-v2v</source>
        <translation>virt-v2v wird gestartet</translation>
    </message>
    <message>
        <source>Building the libguestfs appliance (first run only; this takes a minute or two)</source>
        <translation>Die libguestfs-Appliance wird gebaut (nur beim ersten Lauf; das dauert ein bis zwei Minuten)</translation>
    </message>
    <message>
        <source>virt-v2v printed nothing for %1 min and was stopped: its appliance has probably hung, which happens on an overloaded host without KVM. The staging images are unchanged; run fewer migrations at once or enable KVM, then retry.</source>
        <translation>virt-v2v hat %1 min lang nichts ausgegeben und wurde beendet: Seine Appliance hängt vermutlich, was auf einem überlasteten Rechner ohne KVM vorkommt. Die Staging-Abbilder sind unverändert; führen Sie weniger Migrationen gleichzeitig aus oder aktivieren Sie KVM und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>The guest is converted to VirtIO</source>
        <translation>Der Gast ist auf VirtIO umgestellt</translation>
    </message>
    <message>
        <source>Writing the changes into staging image %1 of %2</source>
        <translation>Die Änderungen werden in Staging-Abbild %1 von %2 geschrieben</translation>
    </message>
    <message>
        <source>Could not write the converted guest into the staging image %1, which may now be damaged. Check free space, then run the migration again from Export.</source>
        <translation>Der umgestellte Gast konnte nicht in das Staging-Abbild %1 geschrieben werden, das jetzt beschädigt sein kann. Prüfen Sie den freien Platz und führen Sie die Migration dann ab dem Export erneut aus.</translation>
    </message>
    <message>
        <source>virt-v2v&apos;s appliance did not start within %1 min, twice. The host is probably overloaded (without KVM the appliance is emulated and slow): run fewer migrations at once or enable KVM, then retry. The staging images are unchanged.</source>
        <translation>Die Appliance von virt-v2v ist zweimal nicht innerhalb von %1 min gestartet. Der Rechner ist vermutlich überlastet (ohne KVM wird die Appliance emuliert und ist langsam): Führen Sie weniger Migrationen gleichzeitig aus oder aktivieren Sie KVM und versuchen Sie es dann erneut. Die Staging-Abbilder sind unverändert.</translation>
    </message>
    <message>
        <source>virt-v2v&apos;s appliance did not start within %1 min; starting virt-v2v again</source>
        <translation>Die Appliance von virt-v2v ist nicht innerhalb von %1 min gestartet; virt-v2v wird neu gestartet</translation>
    </message>
    <message>
        <source>wrote %1: %2 keeps the name %3 (%4)</source>
        <translation>%1 geschrieben: %2 behält den Namen %3 (%4)</translation>
    </message>
    <message>
        <source>Keeping the network interface names</source>
        <translation>Die Namen der Netzwerkschnittstellen werden beibehalten</translation>
    </message>
    <message>
        <source>Could not write the network interface names into the converted guest. The staging images are unchanged; see the Guest Fixes log %1, then retry.</source>
        <translation>Die Namen der Netzwerkschnittstellen konnten nicht in den konvertierten Gast geschrieben werden. Die Staging-Abbilder sind unverändert; sehen Sie sich das Protokoll der Gastanpassung %1 an und versuchen Sie es erneut.</translation>
    </message>
</context>
<context>
    <name>xms::GuestFixesStageRunner</name>
    <message>
        <source>The guest now boots on VirtIO (%1 s)</source>
        <translation>Der Gast startet jetzt mit VirtIO (%1 s)</translation>
    </message>
    <message>
        <source>VirtIO driver injection and boot loader repair have begun</source>
        <translation>Einbau der VirtIO-Treiber und Reparatur des Bootloaders haben begonnen</translation>
    </message>
    <message>
        <source>The converted guest booted and brought its network up in %1 s (%2)</source>
        <translation>Der konvertierte Gast startete und brachte sein Netzwerk in %1 s hoch (%2)</translation>
    </message>
    <message>
        <source>Converting again: the guest boots with %1 firmware, not the VM&apos;s configured %2</source>
        <translation>Erneute Konvertierung: Der Gast startet mit %1-Firmware, nicht mit der für die VM eingestellten %2</translation>
    </message>
</context>
<context>
    <name>xms::GuestfsSession</name>
    <message>
        <source>Cannot create a temporary directory in %1. Free some space there or set TMPDIR.</source>
        <translation>In %1 kann kein temporäres Verzeichnis erstellt werden. Schaffen Sie dort Platz oder setzen Sie TMPDIR.</translation>
    </message>
    <message>
        <source>libguestfs could not create a handle. </source>
        <translation>libguestfs konnte kein Handle erstellen. </translation>
    </message>
    <message>
        <source>libguestfs cannot open the staging image %1 as %2.</source>
        <translation>libguestfs kann das Zwischenabbild %1 nicht als %2 öffnen.</translation>
    </message>
</context>
<context>
    <name>xms::Inspection</name>
    <message>
        <source>Inspection was cancelled.</source>
        <translation>Die Untersuchung wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Could not list the applications installed in %1: %2</source>
        <translation>Die in %1 installierten Anwendungen konnten nicht aufgelistet werden: %2</translation>
    </message>
</context>
<context>
    <name>xms::JobRunner</name>
    <message numerus="yes">
        <source>Resuming at %1 with the %n disk(s) converted in attempt %2; Export, Inspect and Guest Fixes are not repeated</source>
        <translation>
            <numerusform>Fortsetzung bei %1 mit dem in Versuch %2 konvertierten Datenträger; Export, Untersuchung und Gastanpassungen werden nicht wiederholt</numerusform>
            <numerusform>Fortsetzung bei %1 mit den %n in Versuch %2 konvertierten Datenträgern; Export, Untersuchung und Gastanpassungen werden nicht wiederholt</numerusform>
        </translation>
    </message>
    <message>
        <source>Starting over instead of reusing the converted disks: %1</source>
        <translation>Neustart von vorn statt Wiederverwendung der konvertierten Datenträger: %1</translation>
    </message>
    <message>
        <source>Migration of %1 started (attempt %2)</source>
        <translation>Migration von %1 gestartet (Versuch %2)</translation>
    </message>
    <message>
        <source>Cancel requested; stopping</source>
        <translation>Abbruch angefordert; wird gestoppt</translation>
    </message>
    <message>
        <source>%1 %2 %: %3 of %4 MiB</source>
        <translation>%1 %2 %: %3 von %4 MiB</translation>
    </message>
    <message>
        <source>Some resources could not be deleted: %1</source>
        <translation>Einige Ressourcen konnten nicht gelöscht werden: %1</translation>
    </message>
    <message>
        <source>Migration complete: instance %1 is ready</source>
        <translation>Migration abgeschlossen: Instanz %1 ist bereit</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Cancelled during %1; everything the job created was removed</source>
        <translation>Während %1 abgebrochen; alles, was der Auftrag erstellt hatte, wurde entfernt</translation>
    </message>
    <message>
        <source>Cancelled during %1</source>
        <translation>Während %1 abgebrochen</translation>
    </message>
    <message>
        <source>Keeping the resources this job created, as requested, for debugging</source>
        <translation>Die von diesem Auftrag erstellten Ressourcen bleiben wie gewünscht zur Fehlersuche erhalten</translation>
    </message>
    <message>
        <source>Removing what this job created in Xloud</source>
        <translation>Was dieser Auftrag in Xloud erstellt hat, wird entfernt</translation>
    </message>
    <message>
        <source>The converted disks (%1 MiB in %2) are kept: &apos;xms migration retry %3&apos; resumes at Write Volume; &apos;xms migration discard %3&apos; frees the space, as workers do after engine/keep-converted-days (default 7).</source>
        <translation>Die umgestellten Festplatten (%1 MiB in %2) bleiben erhalten: „xms migration retry %3“ setzt beim Schreiben der Volumes fort; „xms migration discard %3“ gibt den Platz frei, wie es Worker nach engine/keep-converted-days (Standard 7) tun.</translation>
    </message>
    <message>
        <source>The process running this job stopped after Finalize had completed; the migration is complete and everything it created is kept</source>
        <translation>Der Prozess dieses Auftrags endete, nachdem Finalize abgeschlossen war; die Migration ist vollständig, und alles, was sie angelegt hat, bleibt erhalten</translation>
    </message>
</context>
<context>
    <name>xms::LedgerCleanup</name>
    <message>
        <source>could not look up %1 %2: %3</source>
        <translation>%1 %2 konnte nicht nachgeschlagen werden: %3</translation>
    </message>
    <message>
        <source>unknown resource kind %1 in the ledger</source>
        <translation>unbekannte Ressourcenart %1 im Ressourcenbuch</translation>
    </message>
    <message>
        <source>Deleted %1 %2</source>
        <translation>%1 %2 gelöscht</translation>
    </message>
    <message>
        <source>%1 %2 (%3): %4</source>
        <translation>%1 %2 (%3): %4</translation>
    </message>
    <message>
        <source>Could not delete %1 %2: %3</source>
        <translation>%1 %2 konnte nicht gelöscht werden: %3</translation>
    </message>
    <message>
        <source>%1. Run &apos;xms migration cleanup %3&apos; to try again (after fixing access, if that was the cause), or delete these by hand in the Xloud dashboard (project %2).</source>
        <translation>%1. Führen Sie &apos;xms migration cleanup %3&apos; aus, um es erneut zu versuchen (nachdem Sie den Zugriff behoben haben, falls das die Ursache war), oder löschen Sie diese im Xloud-Dashboard von Hand (Projekt %2).</translation>
    </message>
</context>
<context>
    <name>xms::MigrationSpec</name>
    <message>
        <source>Only cold migration is supported (--kind cold); &apos;%1&apos; is not available yet.</source>
        <translation>Nur Kaltmigration wird unterstützt (--kind cold); &apos;%1&apos; ist noch nicht verfügbar.</translation>
    </message>
    <message>
        <source>%1 is required.</source>
        <translation>%1 ist erforderlich.</translation>
    </message>
    <message>
        <source>Every network mapping needs a source network and a target network.</source>
        <translation>Jede Netzwerkzuordnung braucht ein Quellnetzwerk und ein Zielnetzwerk.</translation>
    </message>
    <message>
        <source>The instance name &apos;%1&apos; has no usable characters; give --instance-name.</source>
        <translation>Der Instanzname &apos;%1&apos; enthält keine verwendbaren Zeichen; geben Sie --instance-name an.</translation>
    </message>
</context>
<context>
    <name>xms::Preflight</name>
    <message numerus="yes">
        <source>%n finished job(s)</source>
        <translation>
            <numerusform>%n abgeschlossener Auftrag</numerusform>
            <numerusform>%n abgeschlossene Aufträge</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 already has migration job %2 (%3).</source>
        <translation>%1 hat bereits den Migrationsauftrag %2 (%3).</translation>
    </message>
    <message>
        <source>Wait for job %1 to end, or cancel it (&apos;xms migration cancel %1&apos;).</source>
        <translation>Warten Sie, bis Auftrag %1 endet, oder brechen Sie ihn ab (&apos;xms migration cancel %1&apos;).</translation>
    </message>
    <message>
        <source>%1 was already migrated by job %2 on %3 (instance %4).</source>
        <translation>%1 wurde bereits durch Auftrag %2 am %3 migriert (Instanz %4).</translation>
    </message>
    <message>
        <source>Migrating it again makes a second instance, as asked (--again).</source>
        <translation>Eine erneute Migration erzeugt wie gewünscht eine zweite Instanz (--again).</translation>
    </message>
    <message>
        <source>Give --again (&apos;xms migration submit --again&apos;) to migrate it once more into a second instance.</source>
        <translation>Geben Sie --again an (&apos;xms migration submit --again&apos;), um sie noch einmal in eine zweite Instanz zu migrieren.</translation>
    </message>
    <message numerus="yes">
        <source>Project %1 already has %n instance(s) named %2.</source>
        <translation>
            <numerusform>Projekt %1 hat bereits %n Instanz namens %2.</numerusform>
            <numerusform>Projekt %1 hat bereits %n Instanzen namens %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose another instance name, unless a second one of that name is what you want.</source>
        <translation>Wählen Sie einen anderen Instanznamen, es sei denn, Sie wollen eine zweite Instanz dieses Namens.</translation>
    </message>
</context>
<context>
    <name>xms::PreflightReport</name>
    <message numerus="yes">
        <source>Pass: %n check(s) passed</source>
        <translation>
            <numerusform>Bestanden: %n Prüfung bestanden</numerusform>
            <numerusform>Bestanden: %n Prüfungen bestanden</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>xms::PreflightRun</name>
    <message>
        <source>Source %1 cannot be reached: %2</source>
        <translation>Quelle %1 ist nicht erreichbar: %2</translation>
    </message>
    <message>
        <source>Run &apos;xms source test %1&apos; and fix what it reports.</source>
        <translation>Führen Sie „xms source test %1“ aus und beheben Sie, was es meldet.</translation>
    </message>
    <message>
        <source>Cloud %1, project %2: %3</source>
        <translation>Cloud %1, Projekt %2: %3</translation>
    </message>
    <message>
        <source>Run &apos;xms cloud test %1&apos; and fix what it reports.</source>
        <translation>Führen Sie „xms cloud test %1“ aus und beheben Sie, was es meldet.</translation>
    </message>
</context>
<context>
    <name>xms::RawStreamDecoder</name>
    <message>
        <source>The disk stream is longer than the disk&apos;s size of %1 bytes. Export the disk again.</source>
        <translation>Der Festplattenstrom ist länger als die Festplattengröße von %1 Bytes. Exportieren Sie die Festplatte erneut.</translation>
    </message>
</context>
<context>
    <name>xms::Units</name>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
</context>
<context>
    <name>xms::VmdkHeader</name>
    <message>
        <source>the sparse header has no KDMV magic</source>
        <translation>der Sparse-Header hat keine KDMV-Kennung</translation>
    </message>
    <message>
        <source>sparse format version %1</source>
        <translation>Sparse-Formatversion %1</translation>
    </message>
    <message>
        <source>a hosted sparse VMDK without stream markers</source>
        <translation>ein gehostetes Sparse-VMDK ohne Stream-Marker</translation>
    </message>
    <message>
        <source>compression algorithm %1</source>
        <translation>Kompressionsalgorithmus %1</translation>
    </message>
    <message>
        <source>grain size of %1 sectors</source>
        <translation>Grain-Größe von %1 Sektoren</translation>
    </message>
    <message>
        <source>capacity of %1 sectors</source>
        <translation>Kapazität von %1 Sektoren</translation>
    </message>
    <message>
        <source>metadata overhead of %1 sectors</source>
        <translation>Metadaten-Overhead von %1 Sektoren</translation>
    </message>
    <message>
        <source>the descriptor overlaps the data</source>
        <translation>der Deskriptor überlappt die Daten</translation>
    </message>
</context>
<context>
    <name>xms::VmdkStreamDecoder</name>
    <message>
        <source>data follows the end-of-stream marker</source>
        <translation>auf den End-of-Stream-Marker folgen Daten</translation>
    </message>
    <message>
        <source>Could not initialise zlib.</source>
        <translation>zlib konnte nicht initialisiert werden.</translation>
    </message>
    <message>
        <source>a grain at sector %1 lies past the disk&apos;s capacity of %2 sectors</source>
        <translation>ein Grain bei Sektor %1 liegt hinter der Festplattenkapazität von %2 Sektoren</translation>
    </message>
    <message>
        <source>the grain at sector %1 claims %2 compressed bytes, more than a %3-byte grain can take</source>
        <translation>das Grain bei Sektor %1 gibt %2 komprimierte Bytes an, mehr als ein %3-Byte-Grain aufnehmen kann</translation>
    </message>
    <message>
        <source>Could not reset zlib.</source>
        <translation>zlib konnte nicht zurückgesetzt werden.</translation>
    </message>
    <message>
        <source>a metadata marker claims %1 sectors</source>
        <translation>ein Metadaten-Marker gibt %1 Sektoren an</translation>
    </message>
    <message>
        <source>the end-of-stream marker claims %1 sectors</source>
        <translation>der End-of-Stream-Marker gibt %1 Sektoren an</translation>
    </message>
    <message>
        <source>the footer marker is empty</source>
        <translation>der Footer-Marker ist leer</translation>
    </message>
    <message>
        <source>unknown metadata marker type %1</source>
        <translation>unbekannter Metadaten-Marker-Typ %1</translation>
    </message>
    <message>
        <source>the footer is not a valid header (%1)</source>
        <translation>der Footer ist kein gültiger Header (%1)</translation>
    </message>
    <message>
        <source>the footer (capacity %1, grain %2) disagrees with the header (capacity %3, grain %4)</source>
        <translation>der Footer (Kapazität %1, Grain %2) widerspricht dem Header (Kapazität %3, Grain %4)</translation>
    </message>
    <message>
        <source>the grain at sector %1 ends %2 bytes before its marker&apos;s size of %3</source>
        <translation>das Grain bei Sektor %1 endet %2 Bytes vor der Markergröße von %3</translation>
    </message>
    <message>
        <source>the compressed data of the grain at sector %1 is damaged (zlib: %2)</source>
        <translation>die komprimierten Daten des Grains bei Sektor %1 sind beschädigt (zlib: %2)</translation>
    </message>
    <message>
        <source>the grain at sector %1 inflates past the grain size of %2 bytes</source>
        <translation>das Grain bei Sektor %1 entpackt sich über die Grain-Größe von %2 Bytes hinaus</translation>
    </message>
    <message>
        <source>the compressed data of the grain at sector %1 is longer than its marker&apos;s size of %2</source>
        <translation>die komprimierten Daten des Grains bei Sektor %1 sind länger als die Markergröße von %2</translation>
    </message>
    <message>
        <source>the grain at sector %1 runs past the disk&apos;s capacity of %2 sectors</source>
        <translation>das Grain bei Sektor %1 reicht über die Festplattenkapazität von %2 Sektoren hinaus</translation>
    </message>
    <message>
        <source>The VMDK stream is corrupt: %1. Export the disk again.</source>
        <translation>Der VMDK-Strom ist beschädigt: %1. Exportieren Sie die Festplatte erneut.</translation>
    </message>
</context>
<context>
    <name>xms::WriteVolumeStageRunner</name>
    <message numerus="yes">
        <source>Writing %n volume(s) of type %1</source>
        <translation>
            <numerusform>%n Volume vom Typ %1 wird geschrieben</numerusform>
            <numerusform>%n Volumes vom Typ %1 werden geschrieben</numerusform>
        </translation>
    </message>
    <message>
        <source>(default)</source>
        <translation>(Standard)</translation>
    </message>
    <message numerus="yes">
        <source>%n volume(s) written in %1 s</source>
        <translation>
            <numerusform>%n Volume in %1 s geschrieben</numerusform>
            <numerusform>%n Volumes in %1 s geschrieben</numerusform>
        </translation>
    </message>
    <message>
        <source>Disk %1 of VMware VM %2, migrated by XMS</source>
        <translation>Festplatte %1 der VMware-VM %2, migriert von XMS</translation>
    </message>
    <message>
        <source>Volume %1 (%2 GiB) is available</source>
        <translation>Volume %1 (%2 GiB) ist verfügbar</translation>
    </message>
    <message>
        <source>Cancelled while writing volume %1 of %2</source>
        <translation>Beim Schreiben von Volume %1 von %2 abgebrochen</translation>
    </message>
    <message>
        <source>Disk %1 uploaded: %2 MiB in %3 s (the data of a %4 MiB disk, as qcow2)</source>
        <translation>Datenträger %1 hochgeladen: %2 MiB in %3 s (die Daten eines %4-MiB-Datenträgers, als qcow2)</translation>
    </message>
    <message>
        <source>Disk %1: the image service reports checksum &apos;%2&apos;, XMS computed %3; the upload was not compared</source>
        <translation>Festplatte %1: Der Image-Dienst meldet die Prüfsumme „%2“, XMS hat %3 berechnet; der Upload wurde nicht verglichen</translation>
    </message>
    <message>
        <source>Disk %1: the image service received other bytes than XMS sent (%2 %3 ≠ %4)</source>
        <translation>Festplatte %1: Der Image-Dienst hat andere Bytes empfangen, als XMS gesendet hat (%2 %3 ≠ %4)</translation>
    </message>
    <message>
        <source>Disk %1 arrived corrupted at the image service: its %2 checksum differs from the one XMS computed while uploading. Check the network path to the cloud (proxies, TLS inspection), then retry the job.</source>
        <translation>Festplatte %1 ist beschädigt beim Image-Dienst angekommen: Ihre %2-Prüfsumme weicht von der ab, die XMS beim Hochladen berechnet hat. Prüfen Sie den Netzwerkweg zur Cloud (Proxys, TLS-Inspektion) und wiederholen Sie dann den Auftrag.</translation>
    </message>
    <message>
        <source>Disk %1 verified: the image service&apos;s %2 checksum equals the one XMS computed</source>
        <translation>Festplatte %1 geprüft: Die %2-Prüfsumme des Image-Dienstes stimmt mit der von XMS berechneten überein</translation>
    </message>
</context>
<context>
    <name>xms::transfererror</name>
    <message>
        <source>The certificate of %1 changed: it presents %2 but %3 is pinned. If the change is expected (a renewed certificate), pin the new fingerprint; otherwise do not connect.</source>
        <translation>Das Zertifikat von %1 hat sich geändert: Es legt %2 vor, aber %3 ist festgelegt. Ist die Änderung erwartet (ein erneuertes Zertifikat), legen Sie den neuen Fingerabdruck fest; andernfalls verbinden Sie sich nicht.</translation>
    </message>
    <message>
        <source>The certificate of %1 is not trusted (%2). Its SHA-256 fingerprint is %3: pin it if you trust this server, or give the CA file that signed it.</source>
        <translation>Dem Zertifikat von %1 wird nicht vertraut (%2). Sein SHA-256-Fingerabdruck ist %3: Legen Sie ihn fest, wenn Sie diesem Server vertrauen, oder geben Sie die CA-Datei an, die es signiert hat.</translation>
    </message>
    <message>
        <source>The host %1 is unknown. Check the address and the DNS settings.</source>
        <translation>Der Host %1 ist unbekannt. Prüfen Sie die Adresse und die DNS-Einstellungen.</translation>
    </message>
    <message>
        <source>Could not connect to %1 (connection refused or unreachable). Check that the server is running and the address and port are right.</source>
        <translation>Keine Verbindung zu %1 (abgelehnt oder nicht erreichbar). Prüfen Sie, ob der Server läuft und Adresse und Port stimmen.</translation>
    </message>
    <message>
        <source>Connecting to %1 timed out. Check the network path to the server.</source>
        <translation>Die Verbindung zu %1 hat das Zeitlimit überschritten. Prüfen Sie den Netzwerkweg zum Server.</translation>
    </message>
    <message>
        <source>The transfer with %1 stalled (under %2 bytes/s for %3 s) after %4 bytes. Check the network and try again.</source>
        <translation>Die Übertragung mit %1 ist nach %4 Bytes ins Stocken geraten (unter %2 Bytes/s für %3 s). Prüfen Sie das Netzwerk und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The secure connection to %1 could not be set up. Check that the port speaks HTTPS.</source>
        <translation>Die sichere Verbindung zu %1 konnte nicht aufgebaut werden. Prüfen Sie, ob der Port HTTPS spricht.</translation>
    </message>
    <message>
        <source>The connection to %1 dropped after %2 bytes. Try again.</source>
        <translation>Die Verbindung zu %1 ist nach %2 Bytes abgebrochen. Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The transfer with %1 failed: %2.</source>
        <translation>Die Übertragung mit %1 ist fehlgeschlagen: %2.</translation>
    </message>
    <message>
        <source>The session or token is not valid (any more); log in again.</source>
        <translation>Die Sitzung oder das Token ist (nicht mehr) gültig; melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>The account is not allowed to do this.</source>
        <translation>Das Konto darf dies nicht.</translation>
    </message>
    <message>
        <source>It does not exist (an export lease or image may have expired).</source>
        <translation>Es existiert nicht (eine Export-Lease oder ein Image ist vielleicht abgelaufen).</translation>
    </message>
    <message>
        <source>The server refuses data this large; check its size limits.</source>
        <translation>Der Server lehnt so große Daten ab; prüfen Sie seine Größenbeschränkungen.</translation>
    </message>
    <message>
        <source>The server failed; check its logs and try again.</source>
        <translation>Der Server ist gescheitert; prüfen Sie seine Protokolle und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The server redirects elsewhere; use the final address.</source>
        <translation>Der Server leitet woandershin um; verwenden Sie die endgültige Adresse.</translation>
    </message>
    <message>
        <source>%1 answered HTTP %2. %3</source>
        <translation>%1 hat mit HTTP %2 geantwortet. %3</translation>
    </message>
    <message>
        <source>The transfer was cancelled.</source>
        <translation>Die Übertragung wurde abgebrochen.</translation>
    </message>
</context>
<context>
    <name>xms::ui::CloudDialog</name>
    <message>
        <source>&amp;Test</source>
        <translation>&amp;Testen</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Edit Xloud Cloud</source>
        <translation>Xloud-Cloud bearbeiten</translation>
    </message>
    <message>
        <source>Add Xloud Cloud</source>
        <translation>Xloud-Cloud hinzufügen</translation>
    </message>
    <message>
        <source>https://xloud.example:5000/v3</source>
        <translation>https://xloud.example:5000/v3</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Application credential</source>
        <translation>Anwendungs-Zugangsdaten</translation>
    </message>
    <message>
        <source>unchanged — type a new one to rotate it</source>
        <translation>unverändert – zum Wechseln ein neues eingeben</translation>
    </message>
    <message>
        <source>Stored in the system keychain, never in XMS&apos;s files</source>
        <translation>Wird im Schlüsselbund des Systems gespeichert, nie in den Dateien von XMS</translation>
    </message>
    <message>
        <source>default target project</source>
        <translation>Standard-Zielprojekt</translation>
    </message>
    <message>
        <source>https://xloud.example/dashboard (links to created instances)</source>
        <translation>https://xloud.example/dashboard (Links zu erstellten Instanzen)</translation>
    </message>
    <message>
        <source>Verify with system CAs</source>
        <translation>Mit System-Zertifizierungsstellen prüfen</translation>
    </message>
    <message>
        <source>Verify with a CA file</source>
        <translation>Mit einer CA-Datei prüfen</translation>
    </message>
    <message>
        <source>Do not verify (labs only)</source>
        <translation>Nicht prüfen (nur für Testumgebungen)</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Identity URL:</source>
        <translation>&amp;Identity-URL:</translation>
    </message>
    <message>
        <source>&amp;Authentication:</source>
        <translation>&amp;Anmeldung:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Benutzer:</translation>
    </message>
    <message>
        <source>User &amp;domain:</source>
        <translation>Benutzer&amp;domäne:</translation>
    </message>
    <message>
        <source>Application credential &amp;id:</source>
        <translation>&amp;ID der Anwendungs-Zugangsdaten:</translation>
    </message>
    <message>
        <source>Pass&amp;word / secret:</source>
        <translation>Pass&amp;wort / Geheimnis:</translation>
    </message>
    <message>
        <source>&amp;Project:</source>
        <translation>&amp;Projekt:</translation>
    </message>
    <message>
        <source>Project d&amp;omain:</source>
        <translation>Projektd&amp;omäne:</translation>
    </message>
    <message>
        <source>&amp;Region:</source>
        <translation>&amp;Region:</translation>
    </message>
    <message>
        <source>Dashboard &amp;URL:</source>
        <translation>Dashboard-&amp;URL:</translation>
    </message>
    <message>
        <source>TLS &amp;verification:</source>
        <translation>TLS-&amp;Prüfung:</translation>
    </message>
    <message>
        <source>&amp;CA file:</source>
        <translation>&amp;CA-Datei:</translation>
    </message>
    <message numerus="yes">
        <source>Logged in%1; %n project(s) accessible.</source>
        <translation>
            <numerusform>Angemeldet%1; %n Projekt erreichbar.</numerusform>
            <numerusform>Angemeldet%1; %n Projekte erreichbar.</numerusform>
        </translation>
    </message>
    <message>
        <source> to project %1</source>
        <translation> bei Projekt %1</translation>
    </message>
    <message>
        <source>Enter the Identity URL, e.g. https://xloud.example:5000/v3.</source>
        <translation>Geben Sie die Identity-URL ein, z. B. https://xloud.example:5000/v3.</translation>
    </message>
    <message>
        <source>Logging in to %1…</source>
        <translation>Anmeldung bei %1 …</translation>
    </message>
    <message>
        <source>A name and an Identity URL (https://…:5000/v3) are required.</source>
        <translation>Ein Name und eine Identity-URL (https://…:5000/v3) sind erforderlich.</translation>
    </message>
    <message>
        <source>A cloud named %1 exists already.</source>
        <translation>Eine Cloud namens %1 gibt es bereits.</translation>
    </message>
    <message>
        <source>Enter the password or application credential secret.</source>
        <translation>Geben Sie das Passwort oder das Geheimnis der Anwendungs-Zugangsdaten ein.</translation>
    </message>
    <message>
        <source>Logging in before saving…</source>
        <translation>Anmeldung vor dem Speichern …</translation>
    </message>
</context>
<context>
    <name>xms::ui::ComboDelegate</name>
    <message>
        <source>(automatic)</source>
        <translation>(automatisch)</translation>
    </message>
</context>
<context>
    <name>xms::ui::EnvironmentDialog</name>
    <message>
        <source>&amp;Test Connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>T&amp;rust Certificate…</source>
        <translation>Zertifikat ve&amp;rtrauen …</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Edit Source Environment</source>
        <translation>Quellumgebung bearbeiten</translation>
    </message>
    <message>
        <source>Add Source Environment</source>
        <translation>Quellumgebung hinzufügen</translation>
    </message>
    <message>
        <source>e.g. prod-vcenter</source>
        <translation>z. B. prod-vcenter</translation>
    </message>
    <message>
        <source>vcenter.example.com</source>
        <translation>vcenter.example.com</translation>
    </message>
    <message>
        <source>administrator@vsphere.local</source>
        <translation>administrator@vsphere.local</translation>
    </message>
    <message>
        <source>unchanged — type a new one to rotate it</source>
        <translation>unverändert – zum Wechseln ein neues eingeben</translation>
    </message>
    <message>
        <source>Stored in the system keychain, never in XMS&apos;s files</source>
        <translation>Wird im Schlüsselbund des Systems gespeichert, nie in den Dateien von XMS</translation>
    </message>
    <message>
        <source>optional: only this datacenter</source>
        <translation>optional: nur dieses Rechenzentrum</translation>
    </message>
    <message>
        <source>Verify with system CAs</source>
        <translation>Mit System-Zertifizierungsstellen prüfen</translation>
    </message>
    <message>
        <source>Verify with a CA file</source>
        <translation>Mit einer CA-Datei prüfen</translation>
    </message>
    <message>
        <source>Pinned certificate</source>
        <translation>Festgelegtes Zertifikat</translation>
    </message>
    <message>
        <source>Do not verify (unsafe)</source>
        <translation>Nicht prüfen (unsicher)</translation>
    </message>
    <message>
        <source>/path/to/ca.pem</source>
        <translation>/pfad/zu/ca.pem</translation>
    </message>
    <message>
        <source>Read the server&apos;s certificate (no password is sent) and pin it after you compare its fingerprints</source>
        <translation>Das Zertifikat des Servers lesen (es wird kein Passwort gesendet) und es festlegen, nachdem Sie die Fingerabdrücke verglichen haben</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Benutzer:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;wort:</translation>
    </message>
    <message>
        <source>&amp;Datacenter:</source>
        <translation>&amp;Rechenzentrum:</translation>
    </message>
    <message>
        <source>TLS &amp;verification:</source>
        <translation>TLS-&amp;Prüfung:</translation>
    </message>
    <message>
        <source>&amp;CA file:</source>
        <translation>&amp;CA-Datei:</translation>
    </message>
    <message>
        <source>Pinned:</source>
        <translation>Festgelegt:</translation>
    </message>
    <message>
        <source>No certificate pinned yet: use Trust Certificate…</source>
        <translation>Noch kein Zertifikat festgelegt: „Zertifikat vertrauen …“ verwenden</translation>
    </message>
    <message>
        <source>SHA-1 %1
SHA-256 %2</source>
        <translation>SHA-1 %1
SHA-256 %2</translation>
    </message>
    <message>
        <source>Use Trust Certificate… to compare and pin its fingerprints.</source>
        <translation>Mit „Zertifikat vertrauen …“ die Fingerabdrücke vergleichen und das Zertifikat festlegen.</translation>
    </message>
    <message>
        <source>Enter the host and the user first.</source>
        <translation>Geben Sie zuerst Host und Benutzer ein.</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbindung zu %1 …</translation>
    </message>
    <message>
        <source>Connected: %1.</source>
        <translation>Verbunden: %1.</translation>
    </message>
    <message>
        <source>Enter the host first.</source>
        <translation>Geben Sie zuerst den Host ein.</translation>
    </message>
    <message>
        <source>Reading the certificate of %1…</source>
        <translation>Zertifikat von %1 wird gelesen …</translation>
    </message>
    <message>
        <source>Certificate pinned. Test the connection, then save.</source>
        <translation>Zertifikat festgelegt. Testen Sie die Verbindung und speichern Sie dann.</translation>
    </message>
    <message>
        <source>The name may hold letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos; (up to 64, starting with a letter or digit).</source>
        <translation>Der Name darf Buchstaben, Ziffern, „.“, „_“ und „-“ enthalten (bis zu 64, beginnend mit einem Buchstaben oder einer Ziffer).</translation>
    </message>
    <message>
        <source>A source named %1 exists already. Choose another name.</source>
        <translation>Eine Quelle namens %1 gibt es bereits. Wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <source>Host, user and password are required.</source>
        <translation>Host, Benutzer und Passwort sind erforderlich.</translation>
    </message>
    <message>
        <source>Pin a certificate with Trust Certificate… first.</source>
        <translation>Legen Sie zuerst mit „Zertifikat vertrauen …“ ein Zertifikat fest.</translation>
    </message>
    <message>
        <source>Logging in to %1 before saving…</source>
        <translation>Anmeldung bei %1 vor dem Speichern …</translation>
    </message>
</context>
<context>
    <name>xms::ui::EventsModel</name>
    <message>
        <source>Debug</source>
        <translation>Debug</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
</context>
<context>
    <name>xms::ui::FlavorModel</name>
    <message>
        <source>%1 — %2 vCPU, %3 MiB RAM%4</source>
        <translation>%1 – %2 vCPU, %3 MiB RAM%4</translation>
    </message>
    <message>
        <source>  ✓ fits</source>
        <translation>  ✓ passt</translation>
    </message>
    <message>
        <source>  ✗ too small</source>
        <translation>  ✗ zu klein</translation>
    </message>
    <message>
        <source>Fits the selected VMs</source>
        <translation>Passt für die ausgewählten VMs</translation>
    </message>
</context>
<context>
    <name>xms::ui::InstanceNamesModel</name>
    <message>
        <source>Becomes the guest&apos;s hostname on Xloud: letters, digits, &apos;-&apos; and &apos;.&apos;, up to 63 characters</source>
        <translation>Wird zum Hostnamen des Gastes auf Xloud: Buchstaben, Ziffern, „-“ und „.“, bis zu 63 Zeichen</translation>
    </message>
    <message>
        <source>%1 MiB</source>
        <translation>%1 MiB</translation>
    </message>
    <message>
        <source>Source VM</source>
        <translation>Quell-VM</translation>
    </message>
    <message>
        <source>vCPU</source>
        <translation>vCPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Arbeitsspeicher</translation>
    </message>
    <message>
        <source>Instance Name</source>
        <translation>Instanzname</translation>
    </message>
</context>
<context>
    <name>xms::ui::InventoryModel</name>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Ein</translation>
    </message>
    <message numerus="yes">
        <source>%n disk(s), %1</source>
        <translation>
            <numerusform>%n Festplatte, %1</numerusform>
            <numerusform>%n Festplatten, %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Wird geprüft …</translation>
    </message>
    <message>
        <source>Not checked</source>
        <translation>Nicht geprüft</translation>
    </message>
    <message>
        <source>VM</source>
        <translation>VM</translation>
    </message>
    <message>
        <source>Power</source>
        <translation>Strom</translation>
    </message>
    <message>
        <source>vCPU</source>
        <translation>vCPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Arbeitsspeicher</translation>
    </message>
    <message>
        <source>Disks</source>
        <translation>Festplatten</translation>
    </message>
    <message>
        <source>Guest OS</source>
        <translation>Gastbetriebssystem</translation>
    </message>
    <message>
        <source>Preflight</source>
        <translation>Vorabprüfung</translation>
    </message>
    <message>
        <source>[%1] %2: %3</source>
        <translation>[%1] %2: %3</translation>
    </message>
    <message>
        <source>Fix: %1</source>
        <translation>Abhilfe: %1</translation>
    </message>
    <message>
        <source>VMware Tools reports no network facts for this VM</source>
        <translation>VMware Tools meldet keine Netzwerkangaben für diese VM</translation>
    </message>
    <message>
        <source>Guest IP</source>
        <translation>Gast-IP</translation>
    </message>
</context>
<context>
    <name>xms::ui::JobDetailView</name>
    <message>
        <source>&amp;Cancel Job</source>
        <translation>Auftrag &amp;abbrechen</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>&lt;b&gt;Cold migration:&lt;/b&gt; the source VM stays powered off in vSphere and XMS never deletes it. Do &lt;b&gt;not&lt;/b&gt; power it on while the migrated instance runs on Xloud: both share hostname, MAC addresses and disk UUIDs, which causes network and storage conflicts.</source>
        <translation>&lt;b&gt;Kaltmigration:&lt;/b&gt; Die Quell-VM bleibt in vSphere ausgeschaltet und wird von XMS nie gelöscht. Schalten Sie sie &lt;b&gt;nicht&lt;/b&gt; ein, solange die migrierte Instanz auf Xloud läuft: Beide teilen Hostname, MAC-Adressen und Festplatten-UUIDs, was zu Netzwerk- und Speicherkonflikten führt.</translation>
    </message>
    <message>
        <source>Stop this job; its worker deletes the cloud resources it created</source>
        <translation>Diesen Auftrag stoppen; sein Worker löscht die Cloud-Ressourcen, die er erstellt hat</translation>
    </message>
    <message>
        <source>Queue this failed or cancelled job again (same as &apos;xms migration retry&apos;). A job that failed after Guest Fixes resumes with the disks it already converted.</source>
        <translation>Diesen fehlgeschlagenen oder abgebrochenen Auftrag erneut einreihen (wie „xms migration retry“). Ein Auftrag, der nach „Gastanpassungen“ fehlschlug, setzt mit den bereits konvertierten Datenträgern fort.</translation>
    </message>
    <message>
        <source>All levels</source>
        <translation>Alle Stufen</translation>
    </message>
    <message>
        <source>Info and above</source>
        <translation>Info und höher</translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation>Warnungen und Fehler</translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation>Nur Fehler</translation>
    </message>
    <message>
        <source>All stages</source>
        <translation>Alle Phasen</translation>
    </message>
    <message>
        <source>Search events</source>
        <translation>Ereignisse durchsuchen</translation>
    </message>
    <message>
        <source>Cop&amp;y</source>
        <translation>Kop&amp;ieren</translation>
    </message>
    <message>
        <source>Copy the selected events (or all shown) as text</source>
        <translation>Die ausgewählten (oder alle angezeigten) Ereignisse als Text kopieren</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>&amp;Level:</source>
        <translation>&amp;Stufe:</translation>
    </message>
    <message>
        <source>S&amp;tage:</source>
        <translation>&amp;Phase:</translation>
    </message>
    <message>
        <source>&lt;i&gt;Select a migration to see its stages and events.&lt;/i&gt;</source>
        <translation>&lt;i&gt;Wählen Sie eine Migration aus, um ihre Phasen und Ereignisse zu sehen.&lt;/i&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; → %2 / %3 &lt;span style=&apos;color:gray&apos;&gt;(%4, job %5, attempt %6)&lt;/span&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; → %2 / %3 &lt;span style=&apos;color:gray&apos;&gt;(%4, Auftrag %5, Versuch %6)&lt;/span&gt;</translation>
    </message>
    <message>
        <source>%1 during %2</source>
        <translation>%1 während %2</translation>
    </message>
    <message>
        <source>Stage: %1 — %2</source>
        <translation>Phase: %1 – %2</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Transferred %1 of %2</source>
        <translation>%1 von %2 übertragen</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>ETA %1</source>
        <translation>Restzeit %1</translation>
    </message>
    <message>
        <source>Created instance: %1 &lt;i&gt;(set a Dashboard URL for this cloud in Settings to link to it)&lt;/i&gt;</source>
        <translation>Erstellte Instanz: %1 &lt;i&gt;(legen Sie in den Einstellungen eine Dashboard-URL für diese Cloud fest, um sie zu verlinken)&lt;/i&gt;</translation>
    </message>
    <message>
        <source>Created instance: &lt;a href=&quot;%1&quot;&gt;%2&lt;/a&gt; (open in the Xloud Dashboard)</source>
        <translation>Erstellte Instanz: &lt;a href=&quot;%1&quot;&gt;%2&lt;/a&gt; (im Xloud-Dashboard öffnen)</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen …</translation>
    </message>
    <message>
        <source>&amp;Discard Converted Disks</source>
        <translation>Umgestellte Festplatten &amp;verwerfen</translation>
    </message>
    <message>
        <source>Free the disks this failed job converted and keeps for a retry (same as &apos;xms migration discard&apos;); a retry then starts from Export.</source>
        <translation>Die Festplatten freigeben, die dieser fehlgeschlagene Auftrag umgestellt hat und für eine Wiederholung aufbewahrt (wie „xms migration discard“); eine Wiederholung beginnt dann beim Export.</translation>
    </message>
    <message>
        <source>Save Re&amp;port…</source>
        <translation>Be&amp;richt speichern …</translation>
    </message>
    <message>
        <source>Save this job&apos;s migration report — source VM, preflight, stage timeline, guest changes, disk checksums, cloud resources and events — as HTML, JSON or text (same as &apos;xms migration report&apos;)</source>
        <translation>Den Migrationsbericht dieses Auftrags speichern – Quell-VM, Vorabprüfung, Phasenverlauf, Änderungen am Gast, Prüfsummen der Festplatten, Cloud-Ressourcen und Ereignisse – als HTML, JSON oder Text (wie „xms migration report“)</translation>
    </message>
    <message>
        <source>Save Migration Report</source>
        <translation>Migrationsbericht speichern</translation>
    </message>
    <message>
        <source>Saving the report to %1…</source>
        <translation>Der Bericht wird nach %1 gespeichert …</translation>
    </message>
    <message>
        <source>Report saved to %1</source>
        <translation>Bericht nach %1 gespeichert</translation>
    </message>
</context>
<context>
    <name>xms::ui::JobStoreTab</name>
    <message>
        <source>&amp;This computer only (local database)</source>
        <translation>&amp;Nur dieser Computer (lokale Datenbank)</translation>
    </message>
    <message>
        <source>&amp;Shared PostgreSQL server (workers on several hosts)</source>
        <translation>&amp;Gemeinsamer PostgreSQL-Server (Worker auf mehreren Hosts)</translation>
    </message>
    <message>
        <source>Test &amp;Connection</source>
        <translation>&amp;Verbindung testen</translation>
    </message>
    <message>
        <source>unchanged (kept in the keychain)</source>
        <translation>unverändert (im Schlüsselbund gespeichert)</translation>
    </message>
    <message>
        <source>XMS_STORE is set in this environment; it wins over what is saved here.</source>
        <translation>XMS_STORE ist in dieser Umgebung gesetzt und hat Vorrang vor dem hier Gespeicherten.</translation>
    </message>
    <message>
        <source>Server &amp;URL:</source>
        <translation>Server-&amp;URL:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;wort:</translation>
    </message>
    <message>
        <source>A change takes effect the next time XMS Desktop starts.</source>
        <translation>Eine Änderung wirkt beim nächsten Start von XMS Desktop.</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbindung zu %1 …</translation>
    </message>
    <message>
        <source>Connected: the job store is ready.</source>
        <translation>Verbunden: Der Auftragsspeicher ist bereit.</translation>
    </message>
</context>
<context>
    <name>xms::ui::JobsModel</name>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>/s</source>
        <translation>/s</translation>
    </message>
    <message>
        <source>VM</source>
        <translation>VM</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Transferred</source>
        <translation>Übertragen</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Rate</translation>
    </message>
    <message>
        <source>ETA</source>
        <translation>Restzeit</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
</context>
<context>
    <name>xms::ui::KindSourcePage</name>
    <message>
        <source>&amp;Cold migration</source>
        <translation>&amp;Kaltmigration</translation>
    </message>
    <message>
        <source>Kind and Source</source>
        <translation>Art und Quelle</translation>
    </message>
    <message>
        <source>Choose how to migrate and the vCenter or ESXi host the VMs are on.</source>
        <translation>Wählen Sie die Art der Migration und den vCenter- oder ESXi-Host, auf dem die VMs liegen.</translation>
    </message>
    <message>
        <source>The source VM is powered off, its disks are copied and it is started on Xloud</source>
        <translation>Die Quell-VM wird ausgeschaltet, ihre Festplatten werden kopiert und sie wird auf Xloud gestartet</translation>
    </message>
    <message>
        <source>The VM is powered off for the whole migration (a maintenance window); it stays powered off in vSphere afterwards and is never deleted.</source>
        <translation>Die VM ist während der gesamten Migration ausgeschaltet (ein Wartungsfenster); danach bleibt sie in vSphere ausgeschaltet und wird nie gelöscht.</translation>
    </message>
    <message>
        <source>&amp;Warm migration (not available yet)</source>
        <translation>&amp;Warmmigration (noch nicht verfügbar)</translation>
    </message>
    <message>
        <source>Incremental sync with a short cut-over is not supported by this version</source>
        <translation>Inkrementeller Abgleich mit kurzer Umschaltung wird von dieser Version nicht unterstützt</translation>
    </message>
    <message>
        <source>Source environments are managed in Settings ▸ Environments</source>
        <translation>Quellumgebungen werden unter Einstellungen ▸ Umgebungen verwaltet</translation>
    </message>
    <message>
        <source>&amp;Add Environment…</source>
        <translation>Umgebung &amp;hinzufügen …</translation>
    </message>
    <message>
        <source>Source &amp;environment:</source>
        <translation>Quell&amp;umgebung:</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>No source environment yet. Add your vCenter with &lt;b&gt;Add Environment…&lt;/b&gt;.</source>
        <translation>Noch keine Quellumgebung. Fügen Sie Ihr vCenter mit &lt;b&gt;Umgebung hinzufügen …&lt;/b&gt; hinzu.</translation>
    </message>
</context>
<context>
    <name>xms::ui::MainWindow</name>
    <message>
        <source>XMS Desktop — Migrations</source>
        <translation>XMS Desktop – Migrationen</translation>
    </message>
    <message>
        <source>Cannot open the job store: %1</source>
        <translation>Der Auftragsspeicher kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>Watching %1</source>
        <translation>Beobachte %1</translation>
    </message>
    <message>
        <source>&amp;Migration</source>
        <translation>&amp;Migration</translation>
    </message>
    <message>
        <source>&amp;New Migration…</source>
        <translation>&amp;Neue Migration …</translation>
    </message>
    <message>
        <source>Move VMs from a vCenter into an Xloud project</source>
        <translation>VMs aus einem vCenter in ein Xloud-Projekt übertragen</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen …</translation>
    </message>
    <message>
        <source>Source environments, Xloud clouds, network profiles and worker settings</source>
        <translation>Quellumgebungen, Xloud-Clouds, Netzwerkprofile und Worker-Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About XMS Desktop</source>
        <translation>&amp;Über XMS Desktop</translation>
    </message>
    <message>
        <source>About XMS Desktop</source>
        <translation>Über XMS Desktop</translation>
    </message>
    <message>
        <source>&lt;b&gt;XMS Desktop %1&lt;/b&gt;&lt;p&gt;Cold migration of VMware vSphere VMs into Xloud.&lt;/p&gt;</source>
        <translation>&lt;b&gt;XMS Desktop %1&lt;/b&gt;&lt;p&gt;Kaltmigration von VMware-vSphere-VMs nach Xloud.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Migrations</source>
        <translation>Migrationen</translation>
    </message>
    <message>
        <source>Store: %1</source>
        <translation>Speicher: %1</translation>
    </message>
    <message>
        <source>Cancel Migration</source>
        <translation>Migration abbrechen</translation>
    </message>
    <message>
        <source>Cancel this migration? Its worker stops it and deletes the Xloud resources it created. The source VM stays powered off.</source>
        <translation>Diese Migration abbrechen? Ihr Worker stoppt sie und löscht die Xloud-Ressourcen, die sie erstellt hat. Die Quell-VM bleibt ausgeschaltet.</translation>
    </message>
    <message>
        <source>Cancelled job %1 (it had not started).</source>
        <translation>Auftrag %1 abgebrochen (er hatte noch nicht begonnen).</translation>
    </message>
    <message>
        <source>Cancel requested for job %1.</source>
        <translation>Abbruch für Auftrag %1 angefordert.</translation>
    </message>
    <message>
        <source>Job %1 is queued again.</source>
        <translation>Auftrag %1 ist wieder eingereiht.</translation>
    </message>
    <message>
        <source>The job store is not available.</source>
        <translation>Der Auftragsspeicher ist nicht verfügbar.</translation>
    </message>
    <message numerus="yes">
        <source>Submitted %n migration(s).</source>
        <translation>
            <numerusform>%n Migration übermittelt.</numerusform>
            <numerusform>%n Migrationen übermittelt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Migrations Are Running</source>
        <translation>Migrationen laufen</translation>
    </message>
    <message numerus="yes">
        <source>%n migration(s) are still queued or running.</source>
        <translation>
            <numerusform>%n Migration ist noch eingereiht oder läuft.</numerusform>
            <numerusform>%n Migrationen sind noch eingereiht oder laufen.</numerusform>
        </translation>
    </message>
    <message>
        <source>They run in a separate worker process and can keep going without this window; reopen XMS Desktop or use &apos;xms migration list&apos; to follow them.</source>
        <translation>Sie laufen in einem eigenen Worker-Prozess und können ohne dieses Fenster weiterlaufen; öffnen Sie XMS Desktop erneut oder verfolgen Sie sie mit „xms migration list“.</translation>
    </message>
    <message>
        <source>&amp;Keep Running Headless</source>
        <translation>&amp;Im Hintergrund weiterlaufen lassen</translation>
    </message>
    <message>
        <source>&amp;Cancel Them and Quit</source>
        <translation>Abbre&amp;chen und beenden</translation>
    </message>
    <message>
        <source>&amp;Don&apos;t Quit</source>
        <translation>&amp;Nicht beenden</translation>
    </message>
    <message>
        <source>Discard Converted Disks</source>
        <translation>Umgestellte Festplatten verwerfen</translation>
    </message>
    <message>
        <source>Delete the disks this job exported and converted? A retry then exports and converts the VM again, which takes much longer.</source>
        <translation>Die Festplatten löschen, die dieser Auftrag exportiert und umgestellt hat? Eine Wiederholung exportiert und stellt die VM dann erneut um, was viel länger dauert.</translation>
    </message>
    <message>
        <source>Discarded the converted disks of job %1 (%2 freed).</source>
        <translation>Die umgestellten Festplatten von Auftrag %1 wurden verworfen (%2 freigegeben).</translation>
    </message>
    <message numerus="yes">
        <source>The worker of %n job(s) stopped; started a worker to recover them.</source>
        <translation>
            <numerusform>Der Worker von %n Auftrag ist beendet; ein Worker wurde gestartet, um ihn wiederherzustellen.</numerusform>
            <numerusform>Der Worker von %n Aufträgen ist beendet; ein Worker wurde gestartet, um sie wiederherzustellen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Started a worker for %n queued job(s).</source>
        <translation>
            <numerusform>Ein Worker für %n wartenden Auftrag wurde gestartet.</numerusform>
            <numerusform>Ein Worker für %n wartende Aufträge wurde gestartet.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>xms::ui::MigrationsView</name>
    <message>
        <source>Filter by VM, project, stage or status</source>
        <translation>Nach VM, Projekt, Phase oder Status filtern</translation>
    </message>
    <message>
        <source>&lt;h3&gt;No migrations yet&lt;/h3&gt;&lt;p&gt;Start one with &lt;b&gt;New Migration&lt;/b&gt;: pick a vCenter, choose VMs that passed preflight, map their networks and submit.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Noch keine Migrationen&lt;/h3&gt;&lt;p&gt;Starten Sie eine mit &lt;b&gt;Neue Migration&lt;/b&gt;: vCenter wählen, VMs auswählen, die die Vorabprüfung bestanden haben, ihre Netzwerke zuordnen und übermitteln.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;New Migration…</source>
        <translation>&amp;Neue Migration …</translation>
    </message>
</context>
<context>
    <name>xms::ui::NetworksPage</name>
    <message>
        <source>Networks</source>
        <translation>Netzwerke</translation>
    </message>
    <message>
        <source>Pick a target network and subnet for each source NIC. Save the mapping as a profile to reuse it for other VMs.</source>
        <translation>Wählen Sie für jede Quell-Netzwerkkarte ein Zielnetzwerk und Subnetz. Speichern Sie die Zuordnung als Profil, um sie für andere VMs wiederzuverwenden.</translation>
    </message>
    <message>
        <source>Saved network mappings (Settings ▸ Profiles)</source>
        <translation>Gespeicherte Netzwerkzuordnungen (Einstellungen ▸ Profile)</translation>
    </message>
    <message>
        <source>&amp;Load Profile</source>
        <translation>Profil &amp;laden</translation>
    </message>
    <message>
        <source>Save as &amp;Profile…</source>
        <translation>Als &amp;Profil speichern …</translation>
    </message>
    <message>
        <source>Save as Profile</source>
        <translation>Als Profil speichern</translation>
    </message>
    <message>
        <source>Profile name:</source>
        <translation>Profilname:</translation>
    </message>
    <message>
        <source>P&amp;rofile:</source>
        <translation>P&amp;rofil:</translation>
    </message>
    <message>
        <source>The selected VMs have no network adapters: nothing to map.</source>
        <translation>Die ausgewählten VMs haben keine Netzwerkadapter: nichts zuzuordnen.</translation>
    </message>
    <message>
        <source>Loaded profile %1.</source>
        <translation>Profil %1 geladen.</translation>
    </message>
    <message>
        <source>Saved profile %1.</source>
        <translation>Profil %1 gespeichert.</translation>
    </message>
</context>
<context>
    <name>xms::ui::NewMigrationWizard</name>
    <message>
        <source>New Migration</source>
        <translation>Neue Migration</translation>
    </message>
    <message>
        <source>&amp;Submit</source>
        <translation>&amp;Übermitteln</translation>
    </message>
</context>
<context>
    <name>xms::ui::NicMappingModel</name>
    <message>
        <source>Choose a target network first.</source>
        <translation>Wählen Sie zuerst ein Zielnetzwerk.</translation>
    </message>
    <message>
        <source>%1 is a shared network of another project: Neutron lets only administrators set a MAC address there.</source>
        <translation>%1 ist ein gemeinsam genutztes Netzwerk eines anderen Projekts: Dort dürfen nur Administratoren eine MAC-Adresse festlegen.</translation>
    </message>
    <message>
        <source>Create the Xloud port with the source MAC address</source>
        <translation>Den Xloud-Port mit der MAC-Adresse der Quelle erstellen</translation>
    </message>
    <message>
        <source>Optional when the network has one subnet</source>
        <translation>Optional, wenn das Netzwerk nur ein Subnetz hat</translation>
    </message>
    <message>
        <source>(automatic)</source>
        <translation>(automatisch)</translation>
    </message>
    <message>
        <source>Source NIC</source>
        <translation>Quell-Netzwerkkarte</translation>
    </message>
    <message>
        <source>Target Network</source>
        <translation>Zielnetzwerk</translation>
    </message>
    <message>
        <source>Subnet</source>
        <translation>Subnetz</translation>
    </message>
    <message>
        <source>Keep MAC</source>
        <translation>MAC behalten</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>%1 (every selected VM)</source>
        <translation>%1 (alle ausgewählten VMs)</translation>
    </message>
    <message>
        <source>VMware Tools reports no IP address for this NIC, so there is none to keep: the instance gets one by DHCP. Start the VM with VMware Tools running and refresh the inventory to keep it.</source>
        <translation>VMware Tools meldet keine IP-Adresse für diese Netzwerkkarte, es gibt also keine zu behalten: Die Instanz erhält eine per DHCP. Starten Sie die VM mit laufenden VMware Tools und aktualisieren Sie das Inventar, um sie zu behalten.</translation>
    </message>
    <message>
        <source>Give the Xloud port the guest&apos;s own IP address on the target subnet</source>
        <translation>Dem Xloud-Port die eigene IP-Adresse des Gasts im Zielsubnetz geben</translation>
    </message>
    <message>
        <source>(none reported)</source>
        <translation>(keine gemeldet)</translation>
    </message>
    <message>
        <source>Guest IP</source>
        <translation>Gast-IP</translation>
    </message>
    <message>
        <source>Keep IP</source>
        <translation>IP behalten</translation>
    </message>
</context>
<context>
    <name>xms::ui::ReviewPage</name>
    <message>
        <source>Submit without the final preflight (a blocking problem then fails the job later)</source>
        <translation>Ohne abschließende Vorabprüfung übermitteln (ein blockierendes Problem lässt den Auftrag dann später fehlschlagen)</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Überprüfen</translation>
    </message>
    <message>
        <source>Check the plan, then Submit: the jobs enter Queued and a migration worker picks them up.</source>
        <translation>Prüfen Sie den Plan und übermitteln Sie ihn: Die Aufträge werden eingereiht und von einem Migrations-Worker übernommen.</translation>
    </message>
    <message>
        <source>Same as &apos;xms migration submit --skip-preflight&apos;</source>
        <translation>Wie „xms migration submit --skip-preflight“</translation>
    </message>
    <message>
        <source>Running preflight against %1 / %2…</source>
        <translation>Vorabprüfung gegen %1 / %2 läuft …</translation>
    </message>
    <message>
        <source>Fix: %1</source>
        <translation>Abhilfe: %1</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#b00020&apos;&gt;Preflight blocked the migration; nothing will be submitted until the problems are fixed.&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#b00020&apos;&gt;Die Vorabprüfung hat die Migration blockiert; es wird nichts übermittelt, bis die Probleme behoben sind.&lt;/span&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Cold migration from %1 to %2 / %3&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;Kaltmigration von %1 nach %2 / %3&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Flavor &lt;b&gt;%1&lt;/b&gt;, volume type &lt;b&gt;%2&lt;/b&gt;, availability zone &lt;b&gt;%3&lt;/b&gt;.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Flavor &lt;b&gt;%1&lt;/b&gt;, Volume-Typ &lt;b&gt;%2&lt;/b&gt;, Verfügbarkeitszone &lt;b&gt;%3&lt;/b&gt;.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>any</source>
        <translation>beliebig</translation>
    </message>
    <message>
        <source> (keep MAC)</source>
        <translation> (MAC behalten)</translation>
    </message>
    <message>
        <source>&lt;p&gt;Networks: %1&lt;/p&gt;</source>
        <translation>&lt;p&gt;Netzwerke: %1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>VM</source>
        <translation>VM</translation>
    </message>
    <message>
        <source>Instance</source>
        <translation>Instanz</translation>
    </message>
    <message>
        <source>Preflight</source>
        <translation>Vorabprüfung</translation>
    </message>
    <message>
        <source>Estimated runtime</source>
        <translation>Geschätzte Laufzeit</translation>
    </message>
    <message>
        <source>Resources created in Xloud</source>
        <translation>In Xloud erstellte Ressourcen</translation>
    </message>
    <message numerus="yes">
        <source>%n volume(s) (%1)</source>
        <translation>
            <numerusform>%n Volume (%1)</numerusform>
            <numerusform>%n Volumes (%1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n port(s)</source>
        <translation>
            <numerusform>%n Port</numerusform>
            <numerusform>%n Ports</numerusform>
        </translation>
    </message>
    <message>
        <source>1 instance</source>
        <translation>1 Instanz</translation>
    </message>
    <message>
        <source>temporary images, deleted after use</source>
        <translation>temporäre Images, nach Gebrauch gelöscht</translation>
    </message>
    <message>
        <source>not checked</source>
        <translation>nicht geprüft</translation>
    </message>
    <message>
        <source>&lt;p&gt;Estimated total: &lt;b&gt;%1&lt;/b&gt; (jobs run in parallel up to the worker slots).&lt;/p&gt;</source>
        <translation>&lt;p&gt;Geschätzt insgesamt: &lt;b&gt;%1&lt;/b&gt; (Aufträge laufen parallel bis zur Zahl der Worker-Plätze).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;The source VMs are powered off&lt;/b&gt; for the migration and stay powered off afterwards. Do not power them on while the migrated instances run.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Die Quell-VMs werden für die Migration ausgeschaltet&lt;/b&gt; und bleiben danach ausgeschaltet. Schalten Sie sie nicht ein, solange die migrierten Instanzen laufen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#b00020&apos;&gt;Not submitted: %1&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#b00020&apos;&gt;Nicht übermittelt: %1&lt;/span&gt;</translation>
    </message>
    <message>
        <source> (keep IP)</source>
        <translation> (IP behalten)</translation>
    </message>
    <message>
        <source>&lt;p&gt;Boot verification: &lt;b&gt;on&lt;/b&gt;. Each converted guest boots locally on an isolated network and must bring its network up before anything is created in Xloud%1.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Startprüfung: &lt;b&gt;an&lt;/b&gt;. Jeder konvertierte Gast startet lokal in einem isolierten Netzwerk und muss sein Netzwerk hochbringen, bevor in Xloud etwas angelegt wird%1.&lt;/p&gt;</translation>
    </message>
    <message>
        <source> (emulated without KVM: about a minute more per VM)</source>
        <translation> (ohne KVM emuliert: etwa eine Minute mehr pro VM)</translation>
    </message>
    <message>
        <source>&lt;p&gt;Boot verification: &lt;b&gt;off&lt;/b&gt; (setting guest/verify-boot is %1).&lt;/p&gt;</source>
        <translation>&lt;p&gt;Startprüfung: &lt;b&gt;aus&lt;/b&gt; (Einstellung guest/verify-boot ist %1).&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>xms::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Environments</source>
        <translation>&amp;Umgebungen</translation>
    </message>
    <message>
        <source>C&amp;louds</source>
        <translation>&amp;Clouds</translation>
    </message>
    <message>
        <source>&amp;Profiles</source>
        <translation>&amp;Profile</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>&amp;Allgemein</translation>
    </message>
    <message>
        <source>%1 — %2@%3:%4</source>
        <translation>%1 – %2@%3:%4</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n mapping(s)</source>
        <translation>
            <numerusform>%1 – %n Zuordnung</numerusform>
            <numerusform>%1 – %n Zuordnungen</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Hinzufügen …</translation>
    </message>
    <message>
        <source>Change settings, test the connection, rotate the password</source>
        <translation>Einstellungen ändern, Verbindung testen, Passwort wechseln</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Saved environment %1.</source>
        <translation>Umgebung %1 gespeichert.</translation>
    </message>
    <message>
        <source>Delete Environment</source>
        <translation>Umgebung löschen</translation>
    </message>
    <message>
        <source>Delete %1 and its stored password? Jobs already submitted keep their spec.</source>
        <translation>%1 und das gespeicherte Passwort löschen? Bereits übermittelte Aufträge behalten ihre Angaben.</translation>
    </message>
    <message>
        <source>Deleted environment %1.</source>
        <translation>Umgebung %1 gelöscht.</translation>
    </message>
    <message>
        <source>Deleted %1, but its password could not be removed from the keychain: %2</source>
        <translation>%1 gelöscht, aber das Passwort konnte nicht aus dem Schlüsselbund entfernt werden: %2</translation>
    </message>
    <message>
        <source>vCenter or ESXi hosts to migrate from. Passwords are kept in the system keychain.</source>
        <translation>vCenter- oder ESXi-Hosts, von denen migriert wird. Passwörter liegen im Schlüsselbund des Systems.</translation>
    </message>
    <message>
        <source>Change settings, test the login, rotate the secret</source>
        <translation>Einstellungen ändern, Anmeldung testen, Geheimnis wechseln</translation>
    </message>
    <message>
        <source>Saved cloud %1.</source>
        <translation>Cloud %1 gespeichert.</translation>
    </message>
    <message>
        <source>Delete Cloud</source>
        <translation>Cloud löschen</translation>
    </message>
    <message>
        <source>Delete cloud %1 and its secret?</source>
        <translation>Cloud %1 und ihr Geheimnis löschen?</translation>
    </message>
    <message>
        <source>Deleted cloud %1.</source>
        <translation>Cloud %1 gelöscht.</translation>
    </message>
    <message>
        <source>Xloud clouds to migrate into. Set a Dashboard URL to get links to the created instances.</source>
        <translation>Xloud-Clouds, in die migriert wird. Legen Sie eine Dashboard-URL fest, um Links zu den erstellten Instanzen zu erhalten.</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>Umbe&amp;nennen …</translation>
    </message>
    <message>
        <source>De&amp;lete</source>
        <translation>Lösc&amp;hen</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importieren …</translation>
    </message>
    <message>
        <source>Read a profile written by Export or &apos;xms profile export&apos;</source>
        <translation>Ein mit „Exportieren“ oder „xms profile export“ geschriebenes Profil einlesen</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportieren …</translation>
    </message>
    <message>
        <source>Write the profile as JSON</source>
        <translation>Das Profil als JSON schreiben</translation>
    </message>
    <message>
        <source>Rename Profile</source>
        <translation>Profil umbenennen</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Neuer Name:</translation>
    </message>
    <message>
        <source>Renamed %1 to %2.</source>
        <translation>%1 in %2 umbenannt.</translation>
    </message>
    <message>
        <source>Deleted profile %1.</source>
        <translation>Profil %1 gelöscht.</translation>
    </message>
    <message>
        <source>Import Profile</source>
        <translation>Profil importieren</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON-Dateien (*.json)</translation>
    </message>
    <message>
        <source>Imported profile %1.</source>
        <translation>Profil %1 importiert.</translation>
    </message>
    <message>
        <source>Export Profile</source>
        <translation>Profil exportieren</translation>
    </message>
    <message>
        <source>Exported %1 to %2.</source>
        <translation>%1 nach %2 exportiert.</translation>
    </message>
    <message>
        <source>Network mappings saved from the New Migration wizard (Save as Profile) or &apos;xms profile save&apos;.</source>
        <translation>Netzwerkzuordnungen, gespeichert im Assistenten „Neue Migration“ (Als Profil speichern) oder mit „xms profile save“.</translation>
    </message>
    <message>
        <source>How many migrations one worker runs at once</source>
        <translation>Wie viele Migrationen ein Worker gleichzeitig ausführt</translation>
    </message>
    <message>
        <source>Disk images are written here before upload; it needs room for the largest VM</source>
        <translation>Festplattenabbilder werden vor dem Hochladen hier abgelegt; es braucht Platz für die größte VM</translation>
    </message>
    <message>
        <source>virtio-win.iso (needed for Windows guests)</source>
        <translation>virtio-win.iso (für Windows-Gäste nötig)</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen …</translation>
    </message>
    <message>
        <source>Staging Directory</source>
        <translation>Zwischenablageverzeichnis</translation>
    </message>
    <message>
        <source>VirtIO Drivers for Windows</source>
        <translation>VirtIO-Treiber für Windows</translation>
    </message>
    <message>
        <source>ISO images (*.iso)</source>
        <translation>ISO-Abbilder (*.iso)</translation>
    </message>
    <message>
        <source>&amp;Worker slots:</source>
        <translation>&amp;Worker-Plätze:</translation>
    </message>
    <message>
        <source>&amp;Staging directory:</source>
        <translation>&amp;Zwischenablageverzeichnis:</translation>
    </message>
    <message>
        <source>&amp;VirtIO drivers for Windows:</source>
        <translation>&amp;VirtIO-Treiber für Windows:</translation>
    </message>
    <message>
        <source>Ed&amp;it…</source>
        <translation>Bearbe&amp;iten …</translation>
    </message>
    <message>
        <source>How many disk exports run at once against one ESXi host</source>
        <translation>Wie viele Festplattenexporte gleichzeitig gegen einen ESXi-Host laufen</translation>
    </message>
    <message>
        <source>E&amp;xports per ESXi host:</source>
        <translation>&amp;Exporte pro ESXi-Host:</translation>
    </message>
    <message>
        <source>Until discarded</source>
        <translation>Bis zum Verwerfen</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>A job that fails after Guest Fixes keeps its converted disks so that Retry resumes at Write Volume; after this many days a worker discards them</source>
        <translation>Ein Auftrag, der nach der Gastanpassung fehlschlägt, bewahrt seine umgestellten Festplatten auf, damit eine Wiederholung beim Schreiben der Volumes fortsetzt; nach so vielen Tagen verwirft ein Worker sie</translation>
    </message>
    <message>
        <source>&amp;Keep converted disks of failed jobs:</source>
        <translation>Umgestellte Festplatten fehlgeschlagener Aufträge aUmgestellte Festplatten fehlgeschlagener Aufträge &amp;aufbewahren:amp;ufbewahren:</translation>
    </message>
    <message>
        <source>When KVM works here</source>
        <translation>Wenn KVM hier funktioniert</translation>
    </message>
    <message>
        <source>Always</source>
        <translation>Immer</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>Boot each converted guest locally, on an isolated network, and check that its network comes up before anything is created in Xloud (about a minute without KVM)</source>
        <translation>Jeden konvertierten Gast lokal in einem isolierten Netzwerk starten und prüfen, dass sein Netzwerk hochkommt, bevor in Xloud etwas angelegt wird (ohne KVM etwa eine Minute)</translation>
    </message>
    <message>
        <source>Verify the &amp;boot before upload:</source>
        <translation>&amp;Start vor dem Hochladen prüfen:</translation>
    </message>
    <message>
        <source>&amp;Job Store</source>
        <translation>&amp;Auftragsspeicher</translation>
    </message>
</context>
<context>
    <name>xms::ui::TargetPage</name>
    <message>
        <source>&amp;Load Resources</source>
        <translation>Ressourcen &amp;laden</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Choose the Xloud project, the instance names and the flavor, volume type and zone.</source>
        <translation>Wählen Sie das Xloud-Projekt, die Instanznamen sowie Flavor, Volume-Typ und Zone.</translation>
    </message>
    <message>
        <source>Project name or id</source>
        <translation>Projektname oder -ID</translation>
    </message>
    <message>
        <source>The Xloud project that receives the instances; it needs quota for them</source>
        <translation>Das Xloud-Projekt, das die Instanzen erhält; es braucht Kontingent dafür</translation>
    </message>
    <message>
        <source>Read flavors, volume types, zones, networks and quota of the project</source>
        <translation>Flavors, Volume-Typen, Zonen, Netzwerke und Kontingente des Projekts lesen</translation>
    </message>
    <message>
        <source>Flavors too small for the source vCPU and memory are listed but cannot be chosen</source>
        <translation>Flavors, die für vCPU und Arbeitsspeicher der Quelle zu klein sind, werden angezeigt, sind aber nicht wählbar</translation>
    </message>
    <message>
        <source>Optional: pin the instance and its volumes to one zone</source>
        <translation>Optional: Instanz und Volumes an eine Zone binden</translation>
    </message>
    <message>
        <source>&amp;Cloud:</source>
        <translation>&amp;Cloud:</translation>
    </message>
    <message>
        <source>&amp;Project:</source>
        <translation>&amp;Projekt:</translation>
    </message>
    <message>
        <source>&amp;Flavor:</source>
        <translation>&amp;Flavor:</translation>
    </message>
    <message>
        <source>&amp;Volume type:</source>
        <translation>&amp;Volume-Typ:</translation>
    </message>
    <message>
        <source>Availability &amp;zone:</source>
        <translation>Verfügbarkeits&amp;zone:</translation>
    </message>
    <message>
        <source>&amp;Instance names (double-click to edit):</source>
        <translation>&amp;Instanznamen (Doppelklick zum Bearbeiten):</translation>
    </message>
    <message>
        <source>No Xloud cloud yet. Add one in Settings ▸ Clouds (Ctrl+,), then come back.</source>
        <translation>Noch keine Xloud-Cloud. Fügen Sie unter Einstellungen ▸ Clouds (Strg+,) eine hinzu und kommen Sie dann zurück.</translation>
    </message>
    <message>
        <source>Reading what project %1 offers…</source>
        <translation>Angebot von Projekt %1 wird gelesen …</translation>
    </message>
    <message>
        <source>Any zone</source>
        <translation>Beliebige Zone</translation>
    </message>
    <message numerus="yes">
        <source>Project %1: %n flavor(s), </source>
        <translation>
            <numerusform>Projekt %1: %n Flavor, </numerusform>
            <numerusform>Projekt %1: %n Flavors, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n volume type(s), </source>
        <translation>
            <numerusform>%n Volume-Typ, </numerusform>
            <numerusform>%n Volume-Typen, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n network(s).</source>
        <translation>
            <numerusform>%n Netzwerk.</numerusform>
            <numerusform>%n Netzwerke.</numerusform>
        </translation>
    </message>
    <message>
        <source>No flavor of this project fits the selected VMs. Ask for a larger flavor, or choose another project.</source>
        <translation>Kein Flavor dieses Projekts passt für die ausgewählten VMs. Fordern Sie einen größeren Flavor an oder wählen Sie ein anderes Projekt.</translation>
    </message>
</context>
<context>
    <name>xms::ui::TrustDialog</name>
    <message>
        <source>Trust Certificate</source>
        <translation>Zertifikat vertrauen</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; presented a certificate that is not verified by a trusted authority. Compare these fingerprints with the ones vCenter shows (or your administrator gives you) before trusting it.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; hat ein Zertifikat vorgelegt, das von keiner vertrauenswürdigen Stelle bestätigt ist. Vergleichen Sie diese Fingerabdrücke mit denen, die vCenter anzeigt (oder die Ihr Administrator Ihnen gibt), bevor Sie ihm vertrauen.</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>Inhaber:</translation>
    </message>
    <message>
        <source>Issuer:</source>
        <translation>Aussteller:</translation>
    </message>
    <message>
        <source>Expires:</source>
        <translation>Läuft ab:</translation>
    </message>
    <message>
        <source>SHA-1:</source>
        <translation>SHA-1:</translation>
    </message>
    <message>
        <source>SHA-256:</source>
        <translation>SHA-256:</translation>
    </message>
    <message>
        <source>&amp;Trust This Certificate</source>
        <translation>Diesem Zertifikat &amp;vertrauen</translation>
    </message>
</context>
<context>
    <name>xms::ui::WorkloadPage</name>
    <message>
        <source>&amp;Preflight Selected</source>
        <translation>Auswahl &amp;vorab prüfen</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Workload</source>
        <translation>Workload</translation>
    </message>
    <message>
        <source>Select the VMs to migrate and run preflight on them. VMs with a Pass or Warn verdict can go on.</source>
        <translation>Wählen Sie die zu migrierenden VMs und prüfen Sie sie vorab. VMs mit dem Ergebnis „Bestanden“ oder „Warnung“ können weiter.</translation>
    </message>
    <message>
        <source>Ctrl+click or Shift+click selects several VMs; expand a verdict to see its checks</source>
        <translation>Strg+Klick oder Umschalt+Klick wählt mehrere VMs; ein Ergebnis aufklappen, um seine Prüfungen zu sehen</translation>
    </message>
    <message>
        <source>Search VMs by name</source>
        <translation>VMs nach Namen suchen</translation>
    </message>
    <message>
        <source>Check the selected VMs: power state, disks, firmware, guest OS, staging space</source>
        <translation>Die ausgewählten VMs prüfen: Stromzustand, Festplatten, Firmware, Gastbetriebssystem, Platz zum Zwischenspeichern</translation>
    </message>
    <message>
        <source>Discover the VMs again (the list is cached for 10 minutes)</source>
        <translation>Die VMs erneut ermitteln (die Liste wird 10 Minuten zwischengespeichert)</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Suchen:</translation>
    </message>
    <message numerus="yes">
        <source>%n VM(s) in %1 (discovered %2).</source>
        <translation>
            <numerusform>%n VM in %1 (ermittelt %2).</numerusform>
            <numerusform>%n VMs in %1 (ermittelt %2).</numerusform>
        </translation>
    </message>
    <message>
        <source>Discovering VMs on %1…</source>
        <translation>VMs auf %1 werden ermittelt …</translation>
    </message>
    <message>
        <source>Cannot list the VMs of %1: %2</source>
        <translation>Die VMs von %1 können nicht aufgelistet werden: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n VM(s) in %1.</source>
        <translation>
            <numerusform>%n VM in %1.</numerusform>
            <numerusform>%n VMs in %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Blocked: %1. Expand the verdict to see the fix, or deselect it.</source>
        <translation>Blockiert: %1. Klappen Sie das Ergebnis auf, um die Abhilfe zu sehen, oder heben Sie die Auswahl auf.</translation>
    </message>
    <message numerus="yes">
        <source>Run Preflight Selected before going on (%n VM(s) not checked).</source>
        <translation>
            <numerusform>Führen Sie „Auswahl vorab prüfen“ aus, bevor Sie fortfahren (%n VM nicht geprüft).</numerusform>
            <numerusform>Führen Sie „Auswahl vorab prüfen“ aus, bevor Sie fortfahren (%n VMs nicht geprüft).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n VM(s) ready to migrate.</source>
        <translation>
            <numerusform>%n VM bereit zur Migration.</numerusform>
            <numerusform>%n VMs bereit zur Migration.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>xms::vsphere</name>
    <message>
        <source>vSphere offered the disk at %1, a plain http URL. XMS downloads disks only over https, so the vCenter session cookie is never sent in clear; check the host&apos;s NFC/HTTPS configuration.</source>
        <translation>vSphere bietet die Festplatte unter %1 an, einer unverschlüsselten http-URL. XMS lädt Festplatten nur über https herunter, damit das vCenter-Sitzungscookie nie im Klartext gesendet wird; prüfen Sie die NFC/HTTPS-Konfiguration des Hosts.</translation>
    </message>
    <message>
        <source>The connection to %1 broke before it answered %2. vSphere may have carried it out; XMS did not send it a second time.</source>
        <translation>Die Verbindung zu %1 brach ab, bevor %2 beantwortet wurde. vSphere hat den Aufruf möglicherweise ausgeführt; XMS hat ihn kein zweites Mal gesendet.</translation>
    </message>
</context>
<context>
    <name>xms::vsphere::ExportLease</name>
    <message>
        <source>vSphere did not return an export lease.</source>
        <translation>vSphere hat keine Export-Lease geliefert.</translation>
    </message>
    <message>
        <source>vSphere could not export the VM: %1 Check the VM and its datastore in vSphere, then try again.</source>
        <translation>vSphere konnte die VM nicht exportieren: %1 Prüfen Sie die VM und ihren Datenspeicher in vSphere und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The export lease ended before it was used.</source>
        <translation>Die Export-Lease ist abgelaufen, bevor sie genutzt wurde.</translation>
    </message>
    <message>
        <source>vSphere did not get the export ready within %1 s. Check for tasks running on the VM in vSphere, then try again.</source>
        <translation>vSphere hat den Export nicht innerhalb von %1 s bereitgestellt. Prüfen Sie in vSphere auf der VM laufende Aufgaben und versuchen Sie es erneut.</translation>
    </message>
</context>
<context>
    <name>xms::vsphere::ExportSession</name>
    <message>
        <source>The staging directory &apos;%1&apos; cannot be created. Check the disk and its permissions.</source>
        <translation>Das Zwischenablageverzeichnis &apos;%1&apos; kann nicht erstellt werden. Prüfen Sie den Datenträger und seine Berechtigungen.</translation>
    </message>
    <message>
        <source>The export of %1 was cancelled.</source>
        <translation>Der Export von %1 wurde abgebrochen.</translation>
    </message>
    <message>
        <source>vSphere offered no disks to export for %1.</source>
        <translation>vSphere hat für %1 keine Festplatten zum Exportieren angeboten.</translation>
    </message>
</context>
<context>
    <name>xms::vsphere::PowerOff</name>
    <message>
        <source>Powering off the VM was cancelled.</source>
        <translation>Das Ausschalten der VM wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Shutting down the guest operating system</source>
        <translation>Gastbetriebssystem wird heruntergefahren</translation>
    </message>
    <message>
        <source>Waiting for the guest to shut down (%1 of %2 s)</source>
        <translation>Warte auf das Herunterfahren des Gastes (%1 von %2 s)</translation>
    </message>
    <message>
        <source>Powering off the VM</source>
        <translation>VM wird ausgeschaltet</translation>
    </message>
</context>
<context>
    <name>xms::vsphere::Session</name>
    <message>
        <source>The server&apos;s ServiceContent is incomplete; it does not look like vCenter Server or ESXi.</source>
        <translation>Der ServiceContent des Servers ist unvollständig; er sieht nicht nach vCenter Server oder ESXi aus.</translation>
    </message>
</context>
<context>
    <name>xms::vsphere::VmExport</name>
    <message>
        <source>The export of %1 was cancelled.</source>
        <translation>Der Export von %1 wurde abgebrochen.</translation>
    </message>
    <message numerus="yes">
        <source>Found %1 with %n disk(s)</source>
        <translation>
            <numerusform>%1 mit %n Festplatte gefunden</numerusform>
            <numerusform>%1 mit %n Festplatten gefunden</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 was already powered off</source>
        <translation>%1 war bereits ausgeschaltet</translation>
    </message>
    <message>
        <source>%1 shut down from the guest</source>
        <translation>%1 aus dem Gast heruntergefahren</translation>
    </message>
    <message>
        <source>%1 was powered off</source>
        <translation>%1 wurde ausgeschaltet</translation>
    </message>
    <message>
        <source>Exporting the disks of %1</source>
        <translation>Festplatten von %1 werden exportiert</translation>
    </message>
    <message>
        <source>Disk %1 of %2 staged</source>
        <translation>Festplatte %1 von %2 zwischengespeichert</translation>
    </message>
</context>
<context>
    <name>xms::xloud</name>
    <message>
        <source>Xloud rejected the application credential &apos;%1&apos; of cloud &apos;%2&apos;. It may have expired or been deleted; check it and store its secret again with &apos;xms cloud set-password %2&apos;.</source>
        <translation>Xloud hat die Anwendungs-Zugangsdaten &apos;%1&apos; der Cloud &apos;%2&apos; abgelehnt. Sie sind vielleicht abgelaufen oder gelöscht; prüfen Sie sie und speichern Sie ihr Geheimnis erneut mit „xms cloud set-password %2“.</translation>
    </message>
    <message>
        <source>Xloud rejected the login of user &apos;%1&apos; (domain &apos;%2&apos;) for cloud &apos;%3&apos;. Check the user name and domain, and store the right password with &apos;xms cloud set-password %3&apos;.</source>
        <translation>Xloud hat die Anmeldung von Benutzer &apos;%1&apos; (Domäne &apos;%2&apos;) für Cloud &apos;%3&apos; abgelehnt. Prüfen Sie Benutzername und Domäne und speichern Sie das richtige Passwort mit „xms cloud set-password %3“.</translation>
    </message>
    <message>
        <source>The Identity service answered the login without a token. Check that the cloud&apos;s Identity URL points at Keystone v3.</source>
        <translation>Der Identity-Dienst hat die Anmeldung ohne Token beantwortet. Prüfen Sie, ob die Identity-URL der Cloud auf Keystone v3 zeigt.</translation>
    </message>
    <message>
        <source>Cloud &apos;%1&apos; is reached over https, but its service catalog lists %2 at %3, a plain http URL. XMS does not send the cloud&apos;s token there in clear. Ask the cloud&apos;s administrator to register an https endpoint for %2.</source>
        <translation>Die Cloud &apos;%1&apos; wird über https erreicht, ihr Dienstkatalog führt %2 aber unter %3, einer unverschlüsselten http-URL. XMS sendet das Token der Cloud nicht im Klartext dorthin. Bitten Sie den Administrator der Cloud, einen https-Endpunkt für %2 einzutragen.</translation>
    </message>
    <message>
        <source>The Identity URL %1 is plain http: the password and every token go over the network unencrypted. Use the cloud&apos;s https URL unless this is a closed lab.</source>
        <translation>Die Identity-URL %1 ist unverschlüsseltes http: Passwort und alle Tokens gehen unverschlüsselt über das Netz. Verwenden Sie die https-URL der Cloud, außer in einem abgeschlossenen Labor.</translation>
    </message>
</context>
<context>
    <name>xms::xloud::BlockStorageClient</name>
    <message>
        <source>list volume types</source>
        <translation>Volume-Typen auflisten</translation>
    </message>
    <message>
        <source>list volume availability zones</source>
        <translation>Verfügbarkeitszonen für Volumes auflisten</translation>
    </message>
    <message>
        <source>read the volume quota</source>
        <translation>Volume-Kontingent lesen</translation>
    </message>
    <message>
        <source>create volume &apos;%1&apos;</source>
        <translation>Volume &apos;%1&apos; erstellen</translation>
    </message>
    <message>
        <source>Cinder accepted the volume but did not say its id.</source>
        <translation>Cinder hat das Volume angenommen, aber seine ID nicht genannt.</translation>
    </message>
    <message>
        <source>show volume %1</source>
        <translation>Volume %1 anzeigen</translation>
    </message>
    <message>
        <source>find volumes named &apos;%1&apos;</source>
        <translation>Volumes namens &apos;%1&apos; suchen</translation>
    </message>
    <message>
        <source>read Cinder&apos;s messages about volume %1</source>
        <translation>Meldungen von Cinder zu Volume %1 lesen</translation>
    </message>
    <message>
        <source>Volume &apos;%1&apos; went to status &apos;%2&apos;%3. Check the volume type, zone and image, then try again.</source>
        <translation>Volume &apos;%1&apos; ging in den Status &apos;%2&apos;%3. Prüfen Sie Volume-Typ, Zone und Image und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>volume %1 to become available</source>
        <translation>Volume %1 verfügbar wird</translation>
    </message>
    <message>
        <source>mark volume %1 bootable</source>
        <translation>Volume %1 als startfähig markieren</translation>
    </message>
    <message>
        <source>set the image metadata of volume %1</source>
        <translation>Image-Metadaten von Volume %1 setzen</translation>
    </message>
    <message>
        <source>delete volume %1</source>
        <translation>Volume %1 löschen</translation>
    </message>
    <message>
        <source>volume %1 to be deleted</source>
        <translation>Volume %1 gelöscht ist</translation>
    </message>
    <message>
        <source>Cinder could not delete volume &apos;%1&apos; (status error_deleting). Ask the cloud&apos;s administrator to reset and delete it.</source>
        <translation>Cinder konnte Volume &apos;%1&apos; nicht löschen (Status error_deleting). Bitten Sie den Administrator der Cloud, es zurückzusetzen und zu löschen.</translation>
    </message>
    <message>
        <source>volume %1 to settle before it is deleted</source>
        <translation>Volume %1 vor dem Löschen zur Ruhe kommt</translation>
    </message>
</context>
<context>
    <name>xms::xloud::ComputeClient</name>
    <message>
        <source>read the Compute API version</source>
        <translation>Version der Compute-API lesen</translation>
    </message>
    <message>
        <source>list flavors</source>
        <translation>Flavors auflisten</translation>
    </message>
    <message>
        <source>list compute availability zones</source>
        <translation>Verfügbarkeitszonen für Compute auflisten</translation>
    </message>
    <message>
        <source>read the compute limits</source>
        <translation>Compute-Limits lesen</translation>
    </message>
    <message>
        <source>create server &apos;%1&apos;</source>
        <translation>Server &apos;%1&apos; erstellen</translation>
    </message>
    <message>
        <source>Nova accepted the server but did not say its id.</source>
        <translation>Nova hat den Server angenommen, aber seine ID nicht genannt.</translation>
    </message>
    <message>
        <source>show server %1</source>
        <translation>Server %1 anzeigen</translation>
    </message>
    <message>
        <source>find servers named &apos;%1&apos;</source>
        <translation>Server namens &apos;%1&apos; suchen</translation>
    </message>
    <message>
        <source>server %1 to become %2</source>
        <translation>Server %1 %2 wird</translation>
    </message>
    <message>
        <source>Nova gave no reason</source>
        <translation>Nova hat keinen Grund genannt</translation>
    </message>
    <message>
        <source>Server &apos;%1&apos; failed to build: %2. Check the flavor, volumes and ports, then try again.</source>
        <translation>Server &apos;%1&apos; konnte nicht aufgebaut werden: %2. Prüfen Sie Flavor, Volumes und Ports und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>%1 server %2</source>
        <translation>Server %2: %1</translation>
    </message>
    <message>
        <source>stop</source>
        <translation>stoppen</translation>
    </message>
    <message>
        <source>start</source>
        <translation>starten</translation>
    </message>
    <message>
        <source>delete server %1</source>
        <translation>Server %1 löschen</translation>
    </message>
    <message>
        <source>server %1 to be deleted</source>
        <translation>Server %1 gelöscht ist</translation>
    </message>
    <message>
        <source>Nova could not delete server &apos;%1&apos;: %2. Delete it in the Xloud dashboard.</source>
        <translation>Nova konnte Server &apos;%1&apos; nicht löschen: %2. Löschen Sie ihn im Xloud-Dashboard.</translation>
    </message>
</context>
<context>
    <name>xms::xloud::ImageClient</name>
    <message>
        <source>discover the image import methods</source>
        <translation>Importmethoden für Images ermitteln</translation>
    </message>
    <message>
        <source>create image &apos;%1&apos;</source>
        <translation>Image &apos;%1&apos; erstellen</translation>
    </message>
    <message>
        <source>Glance created the image but did not say its id.</source>
        <translation>Glance hat das Image erstellt, aber seine ID nicht genannt.</translation>
    </message>
    <message>
        <source>show image %1</source>
        <translation>Image %1 anzeigen</translation>
    </message>
    <message>
        <source>find images named &apos;%1&apos;</source>
        <translation>Images namens &apos;%1&apos; suchen</translation>
    </message>
    <message>
        <source>The upload thread ended early.</source>
        <translation>Der Upload-Thread endete vorzeitig.</translation>
    </message>
    <message>
        <source>upload image %1</source>
        <translation>Image %1 hochladen</translation>
    </message>
    <message>
        <source>image %1 to become active</source>
        <translation>Image %1 aktiv wird</translation>
    </message>
    <message>
        <source>Image &apos;%1&apos; went to status &apos;%2&apos;: Glance could not store it. Check the image file and the cloud&apos;s image store, then try again.</source>
        <translation>Image &apos;%1&apos; ging in den Status &apos;%2&apos;: Glance konnte es nicht speichern. Prüfen Sie die Image-Datei und den Image-Speicher der Cloud und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>delete image %1</source>
        <translation>Image %1 löschen</translation>
    </message>
</context>
<context>
    <name>xms::xloud::NetworkClient</name>
    <message>
        <source>list networks</source>
        <translation>Netzwerke auflisten</translation>
    </message>
    <message>
        <source>list subnets</source>
        <translation>Subnetze auflisten</translation>
    </message>
    <message>
        <source>create port &apos;%1&apos;</source>
        <translation>Port &apos;%1&apos; erstellen</translation>
    </message>
    <message>
        <source>create port &apos;%1&apos; with MAC %2</source>
        <translation>Port &apos;%1&apos; mit MAC %2 erstellen</translation>
    </message>
    <message>
        <source>Neutron created the port but did not say its id.</source>
        <translation>Neutron hat den Port erstellt, aber seine ID nicht genannt.</translation>
    </message>
    <message>
        <source>show port %1</source>
        <translation>Port %1 anzeigen</translation>
    </message>
    <message>
        <source>find ports with MAC %1</source>
        <translation>Ports mit MAC %1 suchen</translation>
    </message>
    <message>
        <source>find ports named &apos;%1&apos;</source>
        <translation>Ports namens &apos;%1&apos; suchen</translation>
    </message>
    <message>
        <source>delete port %1</source>
        <translation>Port %1 löschen</translation>
    </message>
    <message>
        <source>read the network quota</source>
        <translation>Netzwerk-Kontingent lesen</translation>
    </message>
    <message>
        <source>%1 and IP %2</source>
        <translation>%1 und IP %2</translation>
    </message>
    <message>
        <source>find ports with IP %1</source>
        <translation>Ports mit IP %1 suchen</translation>
    </message>
</context>
<context>
    <name>xms::xloud::ServiceClient</name>
    <message>
        <source>The cloud session was closed.</source>
        <translation>Die Cloud-Sitzung wurde geschlossen.</translation>
    </message>
</context>
<context>
    <name>xms::xloud::Session</name>
    <message>
        <source>The TLS certificate of %1 does not match the certificate pinned for cloud &apos;%2&apos;. If the cloud&apos;s certificate was replaced on purpose, pin the new one.</source>
        <translation>Das TLS-Zertifikat von %1 passt nicht zu dem für Cloud &apos;%2&apos; festgelegten Zertifikat. Wurde das Zertifikat der Cloud absichtlich ersetzt, legen Sie das neue fest.</translation>
    </message>
    <message>
        <source>log in to cloud &apos;%1&apos;</source>
        <translation>bei Cloud &apos;%1&apos; anmelden</translation>
    </message>
    <message>
        <source>Name the Xloud project to work in (--project, or a default project for cloud &apos;%1&apos;).</source>
        <translation>Nennen Sie das Xloud-Projekt, in dem gearbeitet wird (--project oder ein Standardprojekt für Cloud &apos;%1&apos;).</translation>
    </message>
    <message>
        <source>The application credential of cloud &apos;%1&apos; is bound to project &apos;%2&apos;; it cannot act in project &apos;%3&apos;. Use --project %2, or a credential made for &apos;%3&apos;.</source>
        <translation>Die Anwendungs-Zugangsdaten von Cloud &apos;%1&apos; sind an Projekt &apos;%2&apos; gebunden; sie können nicht in Projekt &apos;%3&apos; handeln. Verwenden Sie --project %2 oder Zugangsdaten für &apos;%3&apos;.</translation>
    </message>
    <message>
        <source>User &apos;%1&apos; has no role in any project of cloud &apos;%2&apos;, so it cannot work in &apos;%3&apos;. Ask the cloud&apos;s administrator for access.</source>
        <translation>Benutzer &apos;%1&apos; hat in keinem Projekt von Cloud &apos;%2&apos; eine Rolle und kann daher nicht in &apos;%3&apos; arbeiten. Bitten Sie den Administrator der Cloud um Zugang.</translation>
    </message>
    <message>
        <source>User &apos;%1&apos; cannot work in project &apos;%2&apos; (domain &apos;%3&apos;) of cloud &apos;%4&apos;: no such project, or no role in it. Projects the user can access: %5.</source>
        <translation>Benutzer &apos;%1&apos; kann nicht in Projekt &apos;%2&apos; (Domäne &apos;%3&apos;) von Cloud &apos;%4&apos; arbeiten: Es gibt kein solches Projekt oder keine Rolle darin. Projekte, auf die der Benutzer zugreifen kann: %5.</translation>
    </message>
    <message>
        <source>list the projects of cloud &apos;%1&apos;</source>
        <translation>Projekte von Cloud &apos;%1&apos; auflisten</translation>
    </message>
</context>
<context>
    <name>xms::xloud::Waiter</name>
    <message>
        <source>Gave up waiting for %1 after %2 minutes. Check it in the Xloud dashboard; it may still finish.</source>
        <translation>Nach %2 Minuten das Warten darauf aufgegeben, dass %1. Prüfen Sie es im Xloud-Dashboard; es kann noch fertig werden.</translation>
    </message>
</context>
</TS>
