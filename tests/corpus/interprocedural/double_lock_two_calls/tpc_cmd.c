// SPDX-License-Identifier: GPL-2.0
/*
 * A relay: starting a command requests locality 0 first. No lock here.
 */
#include "tpm.h"

int tpc_start_cmd(struct tpc_chip *chip)
{
	if (chip->locality != 0)
		return tpc_request_locality(chip, 0);
	return 0;
}
