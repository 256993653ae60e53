# A throw-away single-node Slurm cluster for the job tests: munge + slurmctld + slurmd, running as
# root with a generated slurm.conf in a private folder. Source it, then call `slurm_up DIR` and
# `slurm_down`. Everything it starts is stopped by slurm_down (also on exit via trap).

slurm_up() {
  SLURM_DIR=$1
  mkdir -p "$SLURM_DIR"/{state,spool,log}
  local host cpus mem
  host=$(hostname -s)
  # At least 4 CPUs, so the `-n 2 -c 2` job (2 ranks x 2 threads) is schedulable on a 2-core machine;
  # config_overrides lets slurmd accept a node described with more CPUs than it has (no binding:
  # TaskPlugin=task/none, so the extra CPUs only oversubscribe).
  cpus=$(nproc)
  [ "$cpus" -ge 4 ] || cpus=4
  mem=$(( $(awk '/MemTotal/ {print $2}' /proc/meminfo) / 1024 - 1024 ))
  export SLURM_CONF="$SLURM_DIR/slurm.conf"
  cat > "$SLURM_CONF" <<CONF
ClusterName=poldertest
SlurmctldHost=$host
SlurmUser=root
SlurmdUser=root
SlurmctldPort=$((16800 + RANDOM % 100))
SlurmdPort=$((16900 + RANDOM % 100))
AuthType=auth/munge
StateSaveLocation=$SLURM_DIR/state
SlurmdSpoolDir=$SLURM_DIR/spool
SlurmctldPidFile=$SLURM_DIR/slurmctld.pid
SlurmdPidFile=$SLURM_DIR/slurmd.pid
SlurmctldLogFile=$SLURM_DIR/log/slurmctld.log
SlurmdLogFile=$SLURM_DIR/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
SlurmdParameters=config_overrides
JobRequeue=1
MpiDefault=none
SlurmctldTimeout=30
SlurmdTimeout=30
InactiveLimit=0
MinJobAge=300
KillWait=5
NodeName=$host CPUs=$cpus RealMemory=$mem State=UNKNOWN
PartitionName=debug Nodes=$host Default=YES MaxTime=INFINITE State=UP OverSubscribe=FORCE:4
CONF
  if ! pgrep -x munged > /dev/null; then
    mkdir -p /run/munge && chown munge:munge /run/munge 2>/dev/null || true
    runuser -u munge -- /usr/sbin/munged --force 2>/dev/null || /usr/sbin/munged --force
    SLURM_STARTED_MUNGE=1
  fi
  /usr/sbin/slurmctld -f "$SLURM_CONF"
  /usr/sbin/slurmd -f "$SLURM_CONF"
  for _ in $(seq 1 60); do
    if sinfo -h -o '%t' 2>/dev/null | grep -qE '^(idle|mix|alloc)'; then return 0; fi
    sleep 1
  done
  echo "slurm did not come up:"; tail -20 "$SLURM_DIR"/log/*.log
  return 1
}

slurm_down() {
  [ -n "${SLURM_DIR:-}" ] || return 0
  [ -f "$SLURM_DIR/slurmd.pid" ] && kill "$(cat "$SLURM_DIR/slurmd.pid")" 2>/dev/null
  [ -f "$SLURM_DIR/slurmctld.pid" ] && kill "$(cat "$SLURM_DIR/slurmctld.pid")" 2>/dev/null
  [ -n "${SLURM_STARTED_MUNGE:-}" ] && pkill -x munged 2>/dev/null
  sleep 1
  SLURM_DIR=
}

# Waits for a job (and its array tasks) to leave the queue; prints its final state(s) from sacct-less
# records: the job scripts write DONE/FAILED markers, so the tests read those instead.
slurm_wait() {
  local id=$1 limit=${2:-600}
  local jobs gone=0
  for _ in $(seq 1 "$limit"); do
    # Gone for five checks in a row: a job requeueing itself can drop out of squeue for a moment.
    if squeue -h -j "$id" 2>/dev/null | grep -q .; then
      gone=0
    else
      gone=$((gone + 1))
      [ "$gone" -ge 5 ] && return 0
    fi
    # slurmctld holds a requeued job back for a while (reason BeginTime, about two minutes) before it
    # may start again; on a cluster that is harmless, here it would add minutes per requeue test, so the
    # job is released at once (the requeue and the resume are what the tests check, not the delay).
    jobs=$(squeue -h -j "$id" -t PD -o '%i %r' 2>/dev/null | awk '$2 == "BeginTime" {print $1}')
    for j in $jobs; do scontrol update JobId="$j" StartTime=now > /dev/null 2>&1 || true; done
    sleep 1
  done
  echo "job $id still queued after $limit s"; squeue; return 1
}
