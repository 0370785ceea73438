case("pidfd_kill", GOOD + "import os, signal; signal.pidfd_send_signal(os.pidfd_open(32311), 9)\n", iso="guards")
case("ppid", GOOD + "import os; print(os.getppid())\n", iso="guards")
