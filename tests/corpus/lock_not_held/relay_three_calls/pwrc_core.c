// SPDX-License-Identifier: GPL-2.0
/*
 * Rail shutdown takes the chip lock only to test the enable count and
 * sequences the rail off after dropping it: three calls down
 * (sequence -> set -> write_enable), the enable register is
 * read-modify-written without the lock.
 */
#include "pwrc.h"

int pwrc_rail_shutdown(struct pwrc_rail *rail)
{
	unsigned int active;

	mutex_lock(&rail->chip->lock);
	active = rail->chip->enable_count;
	mutex_unlock(&rail->chip->lock);

	if (!active)
		return 0;
	pwrc_rail_sequence(rail, false);	//~ lock-not-held
	return 0;
}
